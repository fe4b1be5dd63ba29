using System.Globalization;
using ZoneGrowth.Data;
using static System.FormattableString;

namespace ZoneGrowth.Display;

/// <summary>Every message about the library a notebook loads, written once.</summary>
internal static class LibraryMessages
{
    /// <summary>The command that rebuilds the library, run from the repository root.</summary>
    public const string BuildCommand = "dotnet build ZoneGrowth.slnx";

    public const string ManifestWithoutProject =
        "The source manifest names no project file (*.csproj); lib/SourceManifest.targets writes one line per source file and the project file. Rebuild the library.";

    public static string ManifestLine(string line) =>
        Invariant($"The source manifest line \"{line}\" is not \"SHA-256, two spaces, path\" as lib/SourceManifest.targets writes it. Rebuild the library.");

    /// <summary>One sentence: which library, which source differs and how, and the command that fixes it.</summary>
    public static string Stale(string library, SourceChange change, string root)
    {
        var what = change.Kind switch
        {
            SourceChangeKind.Changed => $"was built before {change.Path} changed",
            SourceChangeKind.Added => $"was built before {change.Path} was added",
            _ => $"was built with {change.Path}, which has since been removed",
        };
        var others = change.OtherFiles switch
        {
            0 => string.Empty,
            1 => " (and 1 other source file)",
            _ => Invariant($" (and {change.OtherFiles} other source files)"),
        };
        return Invariant($"The workbook library {library} {what}{others}: run `{BuildCommand}` in {root}, then restart the kernel (or the run command) and run the notebook again.");
    }

    // Arguments of the display API

    public static string TableRowWidth(int cells, IReadOnlyList<string> headers) =>
        Invariant($"The row has {cells} cells but the table has {headers.Count} columns ({string.Join(", ", headers)}).");

    public static string NothingToPublish(IndicatorSeries series) =>
        $"The series {series.Zone} {series.Indicator.Id} has no value to publish.";

    public static string DataFileIncomplete(DataFileInfo file) =>
        $"A data file needs a path, a SHA-256 and a row count of at least 0; got {file}.";

    public const string NoSeriesToDraw = "Give at least one series to draw.";

    public static string LogScaleNotPositive(IEnumerable<string> values) =>
        "A log scale needs positive values; not positive: " + string.Join("; ", values) + ".";

    public const string NoStandardFan = "The simulation has no fan with the 5, 25, 50, 75 and 95 % quantiles; simulate with FanProbabilities = MonteCarloOptions.StandardFan.";

    public const string NoPriceCurve = "The outlook bridges no year with the zone's prices, so P does not depend on them: there is no curve to draw.";

    public const string NoScenariosToDraw = "Give at least one scenario to draw.";

    public const string LogAxisWithoutValues = "A log axis needs the values it draws, for its ticks.";

    public static string FanWithoutQuantile(double q) => Invariant($"The fan has no {q} quantile.");

}
