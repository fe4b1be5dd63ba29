using System.Globalization;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>Every message text of the reports area, in one place.</summary>
internal static class ReportMessages
{
    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string NotANotebook(string path) => F($"{path}: not a Jupyter notebook (no 'cells' array).");

    public static string PublicationNotAnObject(int cell, string mimeType) =>
        F($"cell {cell}: the {mimeType} output is not a JSON object.");

    public static string PublicationField(int cell, string mimeType, string field, string expected) =>
        F($"cell {cell}: the {mimeType} output has no valid '{field}' ({expected}).");

    public static string DuplicateResult(int cell, string name) =>
        F($"cell {cell}: result '{name}' was published more than once; the last value is kept.");

    public static string PlotlyScriptMissing(string? version) =>
        F($"This chart cannot be drawn offline: plotly.js {version ?? "(unknown version)"} was not found (it comes with the Plotly.NET package in the NuGet packages folder).");

    public static string PlotlyNotRecognised =>
        "This chart's HTML was not recognised (no Plotly.newPlot data), so it is not shown: the original output loads scripts from the internet.";

    public static string PlotlyVersionSubstituted(string wanted, string used) =>
        F($"The charts were made for plotly.js {wanted}; plotly.js {used} is embedded (the closest found offline).");

    public static string ResultsFileInvalid(string path, string detail) =>
        F($"{path}: not a results file of this workbook: {detail}");

    public static string ToleranceInvalid(double tolerance) =>
        F($"The tolerance must be a finite number >= 0 (got {tolerance}).");
}
