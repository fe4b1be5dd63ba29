using System.Globalization;
using ZoneGrowth.Data;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Compares two vintages of <c>results.json</c>: key figures (identified by notebook key and name) whose value,
/// low or high moved by more than a relative tolerance, figures added or removed, data files whose content changed
/// (with the rows added, removed or changed when both vintages kept the rows), and notebooks of the earlier run
/// that this run did not run. Figures are written by their unit (<see cref="KeyFigureText"/>) with the relative
/// change as a percentage beside them, so a move smaller than the rounding shows.
/// </summary>
/// <param name="Against">The earlier results file, as given, or <c>null</c>.</param>
/// <param name="Tolerance">The relative tolerance used.</param>
/// <param name="Changes">Every difference: notebooks not run, then figures (in the current file's order), then data files.</param>
public sealed record ResultsComparison(string? Against, double Tolerance, IReadOnlyList<ResultChange> Changes)
{
    /// <summary>Default relative tolerance: 1e-6.</summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary><c>true</c> when a figure moved, was added or removed, or a data file changed (a notebook not run is not drift).</summary>
    public bool HasDrift => Changes.Any(c => c.Kind != ResultChangeKind.NotRun);

    /// <summary>
    /// Compares <paramref name="previous"/> with <paramref name="current"/>. A number moved when
    /// <c>|current - previous| &gt; tolerance * max(|previous|, |current|)</c> (so 0 to 0 never moves, and any move
    /// away from 0 does); an interval end that appears or disappears counts as moved. The figures of a notebook the
    /// earlier run ran and this one did not are not compared: the notebook is listed as not run.
    /// </summary>
    /// <param name="previous">The earlier vintage.</param>
    /// <param name="current">This run's.</param>
    /// <param name="tolerance">The relative tolerance.</param>
    /// <param name="against">Where the earlier vintage was read from, for the record.</param>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative or not finite.</exception>
    public static ResultsComparison Compare(ResultsFile previous, ResultsFile current, double tolerance = DefaultTolerance, string? against = null)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        if (!double.IsFinite(tolerance) || tolerance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), ReportMessages.ToleranceInvalid(tolerance));
        }

        var changes = new List<ResultChange>();
        var ranNow = current.Notebooks.Select(n => n.Path).ToHashSet(StringComparer.Ordinal);
        var notRun = previous.Notebooks.Where(n => !ranNow.Contains(n.Path)).ToList();
        foreach (var notebook in notRun)
        {
            changes.Add(new ResultChange(ResultChangeKind.NotRun, notebook.Path, null, null, ReportMessages.NotebookNotRun(notebook.Path, notebook.Results.Count)));
        }

        var notRunKeys = notRun.SelectMany(n => n.Results).Select(Key).ToHashSet(StringComparer.Ordinal);
        var before = Figures(previous);
        var after = Figures(current);
        foreach (var (key, now) in after)
        {
            if (!before.TryGetValue(key, out var then))
            {
                changes.Add(new ResultChange(ResultChangeKind.Added, key, null, now.Value, ReportMessages.FigureAdded(key, KeyFigureText.Of(now))) { After = now });
                continue;
            }

            var moved = new List<string>();
            if (Moved(then.Value, now.Value, tolerance)) moved.Add(ReportMessages.FigureEndMoved("value", KeyFigureText.Value(then.Value, now.Unit), KeyFigureText.Value(now.Value, now.Unit), Relative(then.Value, now.Value)));
            if (Moved(then.Low, now.Low, tolerance)) moved.Add(ReportMessages.FigureEndMoved("low", End(then.Low, now.Unit), End(now.Low, now.Unit), null));
            if (Moved(then.High, now.High, tolerance)) moved.Add(ReportMessages.FigureEndMoved("high", End(then.High, now.Unit), End(now.High, now.Unit), null));
            if (moved.Count > 0)
            {
                changes.Add(new ResultChange(ResultChangeKind.Moved, key, then.Value, now.Value, ReportMessages.FigureMoved(key, moved)) { Before = then, After = now });
            }
        }

        foreach (var (key, then) in before.Where(b => !after.ContainsKey(b.Key) && !notRunKeys.Contains(b.Key)))
        {
            changes.Add(new ResultChange(ResultChangeKind.Removed, key, then.Value, null, ReportMessages.FigureRemoved(key, KeyFigureText.Of(then))) { Before = then });
        }

        changes.AddRange(DataFiles(previous, current, notRun));
        return new ResultsComparison(against, tolerance, changes);
    }

    /// <summary>
    /// The key figures that changed, as a reader compares them: the figure in words, was, now and the change
    /// (percentage points for a probability, a signed percentage otherwise). A figure that reads the same after
    /// rounding is left out: its move is below what the page shows.
    /// </summary>
    public IReadOnlyList<ComparedFigure> ForReaders()
    {
        var rows = new List<ComparedFigure>();
        foreach (var change in Changes)
        {
            if ((change.After ?? change.Before) is not { } figure)
            {
                continue;
            }

            var was = change.Before is { } b ? KeyFigureText.Value(b.Value, b.Unit) : "—";
            var now = change.After is { } a ? KeyFigureText.Value(a.Value, a.Unit) : "—";
            if (change.Kind == ResultChangeKind.Moved && was == now)
            {
                continue;
            }

            var difference = change switch
            {
                { Kind: ResultChangeKind.Added } => "new",
                { Kind: ResultChangeKind.Removed } => "no longer published",
                { Before: { } then, After: { } current } when KeyFigureText.IsProbability(current.Unit) => KeyFigureText.Points(current.Value - then.Value),
                { Before: { } then, After: { } current } => then.Value == 0 ? "from zero" : KeyFigureText.Signed((current.Value - then.Value) / Math.Abs(then.Value)),
                _ => string.Empty,
            };
            rows.Add(new ComparedFigure(Words(figure.Description, figure.Name), was, now, difference));
        }

        return rows;
    }

    /// <summary>What changed that is not a key figure: data files (with their rows) and notebooks not run, one line each.</summary>
    public IReadOnlyList<string> OtherChanges() =>
        Changes.Where(c => c.Before is null && c.After is null).Select(c => c.Description).ToArray();

    /// <summary>The changes for a reader, one per line: "HHZ gross domestic product in 2024: 2,887.8 亿元 → 3,010.0 亿元 (+4.2 %)", then the data files; or a line saying nothing changed.</summary>
    public string ToReaderText()
    {
        var lines = ForReaders().Select(r => r.Was == "—" ? $"{r.Figure}: {r.Now} (new)" : r.Now == "—" ? $"{r.Figure}: was {r.Was} (no longer published)" : $"{r.Figure}: {r.Was} → {r.Now} ({r.Change})")
            .Concat(OtherChanges()).ToArray();
        return lines.Length > 0 ? string.Join("\n", lines) : ReportMessages.NothingChangedForReaders;
    }

    // A figure's description up to its first aside: "HHZ gross domestic product in 2024 (reported, ...)" → "HHZ gross domestic product in 2024".
    private static string Words(string description, string name)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return name;
        }

        var cut = new[] { " (", "; ", ", " }.Select(s => description.IndexOf(s, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(description.Length).Min();
        return description[..cut].TrimEnd('.', ' ');
    }

    /// <summary>The changes, one per line, or a line saying nothing moved.</summary>
    public override string ToString() =>
        Changes.Count > 0
            ? string.Join("\n", Changes.Select(c => c.Description))
            : ReportMessages.NothingMoved(Tolerance);

    /// <summary>A relative change as a percentage: <c>+2.9 %</c>, <c>−0.00012 %</c> (two significant digits below 0.1 %).</summary>
    public static string Percent(double then, double now)
    {
        if (then == 0)
        {
            return "from zero";
        }

        var relative = 100 * (now - then) / Math.Abs(then);
        var magnitude = Math.Abs(relative);
        var text = magnitude >= 0.1 || magnitude == 0
            ? magnitude.ToString("0.0", CultureInfo.InvariantCulture)
            : magnitude.ToString("0." + new string('0', Math.Max(1, 1 - (int)Math.Floor(Math.Log10(magnitude)))), CultureInfo.InvariantCulture);
        return (relative > 0 ? "+" : relative < 0 ? "−" : "") + text + " %";
    }

    // Data files are paired by notebook: the same notebook reading another file (a new vintage under a new name)
    // is a change of that file, not one file added and another removed. A pair or a file is reported once.
    private static IEnumerable<ResultChange> DataFiles(ResultsFile previous, ResultsFile current, IReadOnlyList<ResultsFileNotebook> notRun)
    {
        var changes = new List<ResultChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pairedBefore = new HashSet<(string, string)>();
        var pairedAfter = new HashSet<(string, string)>();
        var earlier = previous.Notebooks.ToDictionary(n => n.Path, StringComparer.Ordinal);
        foreach (var notebook in current.Notebooks)
        {
            if (!earlier.TryGetValue(notebook.Path, out var then))
            {
                continue;
            }

            for (var i = 0; i < Math.Min(then.DataFiles.Count, notebook.DataFiles.Count); i++)
            {
                var (a, b) = (then.DataFiles[i], notebook.DataFiles[i]);
                pairedBefore.Add((a.Path, a.Sha256));
                pairedAfter.Add((b.Path, b.Sha256));
                if (string.Equals(a.Sha256, b.Sha256, StringComparison.OrdinalIgnoreCase) || !seen.Add(a.Sha256 + ">" + b.Sha256))
                {
                    continue;
                }

                var rows = Snapshot(previous, a) is { } s0 && Snapshot(current, b) is { } s1 ? DataFileDiff.Compare(s0, s1).ToString() : null;
                changes.Add(new ResultChange(ResultChangeKind.DataFileChanged, b.Path, null, null, ReportMessages.DataFileChanged(a, b, rows)));
            }
        }

        foreach (var file in current.Notebooks.SelectMany(n => n.DataFiles).Where(f => !pairedAfter.Contains((f.Path, f.Sha256))).DistinctBy(f => f.Path))
        {
            if (!previous.Notebooks.SelectMany(n => n.DataFiles).Any(f => f.Path == file.Path && f.Sha256 == file.Sha256))
            {
                changes.Add(new ResultChange(ResultChangeKind.DataFileAdded, file.Path, null, null, ReportMessages.DataFileAdded(file.Path, file.Sha256, file.Rows)));
            }
        }

        var skipped = notRun.SelectMany(n => n.DataFiles).Select(f => (f.Path, f.Sha256)).ToHashSet();
        foreach (var file in previous.Notebooks.SelectMany(n => n.DataFiles).Where(f => !pairedBefore.Contains((f.Path, f.Sha256)) && !skipped.Contains((f.Path, f.Sha256))).DistinctBy(f => f.Path))
        {
            if (!current.Notebooks.SelectMany(n => n.DataFiles).Any(f => f.Path == file.Path && f.Sha256 == file.Sha256))
            {
                changes.Add(new ResultChange(ResultChangeKind.DataFileRemoved, file.Path, null, null, ReportMessages.DataFileRemoved(file.Path, file.Sha256)));
            }
        }

        return changes;
    }

    private static DataFileSnapshot? Snapshot(ResultsFile file, DataFileInfo info) =>
        file.DataFileRows.FirstOrDefault(s => string.Equals(s.Sha256, info.Sha256, StringComparison.OrdinalIgnoreCase));

    private static bool Moved(double? then, double? now, double tolerance) =>
        (then, now) switch
        {
            (null, null) => false,
            (null, _) or (_, null) => true,
            ({ } a, { } b) => Math.Abs(b - a) > tolerance * Math.Max(Math.Abs(a), Math.Abs(b)),
        };

    private static string Relative(double then, double now) => Percent(then, now);

    private static string Key(PublishedResult result) => result.NotebookKey + "/" + result.Name;

    private static Dictionary<string, PublishedResult> Figures(ResultsFile file)
    {
        var figures = new Dictionary<string, PublishedResult>(StringComparer.Ordinal);
        foreach (var result in file.Notebooks.SelectMany(n => n.Results))
        {
            figures[Key(result)] = result;
        }

        return figures;
    }

    // An interval end in the figure's unit (KeyFigureText's rule), "none" when absent.
    private static string End(double? value, string unit) => value is { } v ? KeyFigureText.Number(v, unit) : "none";
}
