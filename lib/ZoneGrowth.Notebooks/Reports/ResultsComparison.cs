using System.Globalization;
using ZoneGrowth.Data;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Compares two vintages of <c>results.json</c>: key figures (identified by notebook key and name) whose value,
/// low or high moved by more than a relative tolerance, figures added or removed, and data files (by path) whose
/// hash or row count changed, or that were added or removed. Figures are written by their unit
/// (<see cref="KeyFigureText"/>) with the relative change beside them, so a move smaller than the rounding shows.
/// </summary>
/// <param name="Tolerance">The relative tolerance used.</param>
/// <param name="Changes">Every difference, figures first (in the current file's order), then data files.</param>
public sealed record ResultsComparison(double Tolerance, IReadOnlyList<ResultChange> Changes)
{
    /// <summary>Default relative tolerance: 1e-6.</summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary><c>true</c> when anything changed.</summary>
    public bool HasDrift => Changes.Count > 0;

    /// <summary>
    /// Compares <paramref name="previous"/> with <paramref name="current"/>. A number moved when
    /// <c>|current - previous| &gt; tolerance * max(|previous|, |current|)</c> (so 0 to 0 never moves, and any move
    /// away from 0 does); an interval end that appears or disappears counts as moved.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative or not finite.</exception>
    public static ResultsComparison Compare(ResultsFile previous, ResultsFile current, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        if (!double.IsFinite(tolerance) || tolerance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), ReportMessages.ToleranceInvalid(tolerance));
        }

        var changes = new List<ResultChange>();
        var before = Figures(previous);
        var after = Figures(current);
        foreach (var (key, now) in after)
        {
            if (!before.TryGetValue(key, out var then))
            {
                changes.Add(new ResultChange(ResultChangeKind.Added, key, null, now.Value, ReportMessages.FigureAdded(key, KeyFigureText.Of(now))));
                continue;
            }

            var moved = new List<string>();
            if (Moved(then.Value, now.Value, tolerance)) moved.Add(ReportMessages.FigureEndMoved("value", KeyFigureText.Value(then.Value, now.Unit), KeyFigureText.Value(now.Value, now.Unit), Relative(then.Value, now.Value)));
            if (Moved(then.Low, now.Low, tolerance)) moved.Add(ReportMessages.FigureEndMoved("low", End(then.Low, now.Unit), End(now.Low, now.Unit), null));
            if (Moved(then.High, now.High, tolerance)) moved.Add(ReportMessages.FigureEndMoved("high", End(then.High, now.Unit), End(now.High, now.Unit), null));
            if (moved.Count > 0)
            {
                changes.Add(new ResultChange(ResultChangeKind.Moved, key, then.Value, now.Value, ReportMessages.FigureMoved(key, moved)));
            }
        }

        foreach (var (key, then) in before.Where(b => !after.ContainsKey(b.Key)))
        {
            changes.Add(new ResultChange(ResultChangeKind.Removed, key, then.Value, null, ReportMessages.FigureRemoved(key, KeyFigureText.Of(then))));
        }

        var filesBefore = Files(previous);
        var filesAfter = Files(current);
        foreach (var (path, now) in filesAfter)
        {
            if (!filesBefore.TryGetValue(path, out var then))
            {
                changes.Add(new ResultChange(ResultChangeKind.DataFileAdded, path, null, null, ReportMessages.DataFileAdded(path, now.Sha256, now.Rows)));
            }
            else if (!string.Equals(then.Sha256, now.Sha256, StringComparison.OrdinalIgnoreCase) || then.Rows != now.Rows)
            {
                changes.Add(new ResultChange(ResultChangeKind.DataFileChanged, path, null, null,
                    ReportMessages.DataFileChanged(path, then, now)));
            }
        }

        foreach (var (path, then) in filesBefore.Where(b => !filesAfter.ContainsKey(b.Key)))
        {
            changes.Add(new ResultChange(ResultChangeKind.DataFileRemoved, path, null, null, ReportMessages.DataFileRemoved(path, then.Sha256)));
        }

        return new ResultsComparison(tolerance, changes);
    }

    /// <summary>The changes, one per line, or a line saying nothing moved.</summary>
    public override string ToString() =>
        HasDrift
            ? string.Join("\n", Changes.Select(c => c.Description))
            : ReportMessages.NothingMoved(Tolerance);

    private static bool Moved(double? then, double? now, double tolerance) =>
        (then, now) switch
        {
            (null, null) => false,
            (null, _) or (_, null) => true,
            ({ } a, { } b) => Math.Abs(b - a) > tolerance * Math.Max(Math.Abs(a), Math.Abs(b)),
        };

    private static string Relative(double then, double now) =>
        then == 0 ? "from zero" : ((now - then) / Math.Abs(then)).ToString("+0.###E+0;-0.###E+0", CultureInfo.InvariantCulture) + " relative";

    private static Dictionary<string, PublishedResult> Figures(ResultsFile file)
    {
        var figures = new Dictionary<string, PublishedResult>(StringComparer.Ordinal);
        foreach (var result in file.Notebooks.SelectMany(n => n.Results))
        {
            figures[result.NotebookKey + "/" + result.Name] = result;
        }

        return figures;
    }

    private static Dictionary<string, DataFileInfo> Files(ResultsFile file)
    {
        var files = new Dictionary<string, DataFileInfo>(StringComparer.Ordinal);
        foreach (var f in file.Notebooks.SelectMany(n => n.DataFiles))
        {
            files[f.Path] = f;
        }

        return files;
    }

    // An interval end in the figure's unit (KeyFigureText's rule), "none" when absent.
    private static string End(double? value, string unit) => value is { } v ? KeyFigureText.Number(v, unit) : "none";
}
