using System.Globalization;
using Microsoft.Data.Analysis;
using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Publishing;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Display;

/// <summary>
/// Renderings for values a notebook shows an economist: every figure of a data set with its source, a target's
/// check of the series offered, a back-test and an out-of-sample evaluation in words and tables, and any
/// DataFrame as a readable table (headers in words, one number format per column, "—" for a missing value,
/// every row).
/// </summary>
public static partial class Html
{
    /// <summary>The most rows a DataFrame shows; a longer one says how many are left out.</summary>
    public const int DataFrameRowLimit = 500;

    /// <summary>
    /// Every figure of a data set, with its source: grouped by zone and indicator (the group's heading names the
    /// indicator in English and Chinese and its unit), one row per figure (year or part of it, the value at the
    /// precision published, the growth published with it, its status, basis and publication date, and the source's
    /// site), and under each row a line with the quote it was read from, its note and the source's full address.
    /// All rows are shown: nothing is paged away, and the narrow columns fit a page.
    /// </summary>
    public static string Of(DataSet data) => EveryFigure(data, null);

    /// <summary>
    /// Every figure of a vintage of the data, as <see cref="Of(DataSet)"/>, with what changed since the vintage compared
    /// with marked: a figure added or changed is shaded yellow, says "new" or "changed" beside its status and, in the
    /// line under it, what it was; the figures removed are listed under the table.
    /// </summary>
    public static string Of(DataSetComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return EveryFigure(comparison.Current, comparison);
    }

    private static string EveryFigure(DataSet data, DataSetComparison? comparison)
    {
        ArgumentNullException.ThrowIfNull(data);
        var counted = comparison is null || comparison.Changes.Count == 0 ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"; since {comparison.PreviousName}: {Count(DataRowChangeKind.Added, "new")}, {Count(DataRowChangeKind.Changed, "changed")}, {Count(DataRowChangeKind.Removed, "removed")}");
        string Count(DataRowChangeKind kind, string word) => string.Create(CultureInfo.InvariantCulture, $"{comparison!.Changes.Count(c => c.Kind == kind)} {word}");
        var table = new Table(
            string.Create(CultureInfo.InvariantCulture, $"Every figure, with its source: {data.Observations.Count} figures of {data.Observations.Select(o => (o.Zone, o.Indicator.Id)).Distinct().Count()} series{counted}"),
            "year", "value", "growth", "status", "basis", "published", "source");
        foreach (var group in data.Observations.GroupBy(o => (o.Zone, o.Indicator.Id)))
        {
            var indicator = group.First().Indicator;
            table.AddGroup($"{group.Key.Zone} · {indicator.EnglishName} ({indicator.ChineseName}), {Names.Unit(indicator.Unit)}");
            foreach (var o in group.OrderBy(o => o.Year).ThenBy(o => o.Period.ToString(), StringComparer.Ordinal).ThenBy(o => o.Published, StringComparer.Ordinal))
            {
                var change = comparison?.ChangeOf(o);
                var grey = change is not null ? ChangedColour : o.Status == ObservationStatus.Reported ? null : NotReportedColour;
                var mark = change?.Kind switch { DataRowChangeKind.Added => " · new", DataRowChangeKind.Changed => " · changed", _ => string.Empty };
                table.AddRow(
                    new TableCell(YearOf(o), grey, Numeric: true),
                    new TableCell(PublishedNumber(o), grey, Italic: o.Status != ObservationStatus.Reported, Numeric: true),
                    new TableCell(o.GrowthPercent is { } g ? KeyFigureText.Value(g, "percent") : string.Empty, grey, Numeric: true),
                    new TableCell(o.Status.ToText() + (o.IsInferred ? ", inferred" : string.Empty) + mark, grey),
                    new TableCell(BasisText.Brief(o.Basis), grey),
                    new TableCell(o.Published, grey, Numeric: true),
                    new TableCell(ShortSource(o.Source), grey, Tooltip: o.Source, Source: o.Source));
                var details = new List<string>();
                if (change is { Kind: DataRowChangeKind.Changed, Before: { } before })
                {
                    details.Add(string.Create(CultureInfo.InvariantCulture, $"Changed since {comparison!.PreviousName}: {string.Join("; ", change.Fields.Select(f => Difference(f, before, o)))}"));
                }
                else if (change is { Kind: DataRowChangeKind.Added })
                {
                    details.Add(string.Create(CultureInfo.InvariantCulture, $"New since {comparison!.PreviousName}"));
                }

                if (o.Quote.Length > 0) details.Add("“" + o.Quote + "”");
                if (o.Note.Length > 0) details.Add(o.Note);
                if (o.WasConverted) details.Add(string.Create(CultureInfo.InvariantCulture, $"published as {o.PublishedValue} {o.PublishedUnit.Code}"));
                details.Add("Source: " + o.Source);
                table.AddDetail(string.Join(" · ", details));
            }
        }

        table.AddNote("Grey rows are not reported outcomes (estimates, targets, bounds, approximate figures), in italics; each row's source, quote and note are in the line under it. The data file has every column.");
        if (comparison is not null && comparison.Changes.Count > 0)
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture, $"Yellow rows are new or changed since {comparison.PreviousName}, the vintage compared with; the line under each says what it was."));
            var removed = comparison.Changes.Where(c => c.Kind == DataRowChangeKind.Removed).Select(c => c.Before!).ToArray();
            if (removed.Length > 0)
            {
                table.AddNote(string.Create(CultureInfo.InvariantCulture, $"Removed since {comparison.PreviousName}: ") + string.Join("; ", removed.Select(b =>
                    string.Create(CultureInfo.InvariantCulture, $"{b.Zone} {b.Indicator.Short} {YearOf(b)} {PublishedNumber(b)} {Names.Unit(b.Indicator.Unit)}, {b.Status.ToText()} (its line {b.Location.Line})"))) + ".");
            }
        }

        return table.ToHtml();
    }

    /// <summary>One field's change between two releases of a figure, in words: "value 2,387.5 → 2,390.0", "status estimate → reported".</summary>
    private static string Difference(ObservationField field, Observation before, Observation now)
    {
        return field switch
        {
            ObservationField.Value => $"value {PublishedNumber(before)} → {PublishedNumber(now)}",
            ObservationField.Status => $"status {before.Status.ToText()} → {now.Status.ToText()}",
            ObservationField.Growth => $"growth {Growth(before)} → {Growth(now)}",
            ObservationField.Published => $"published {Or(before.Published)} → {Or(now.Published)}",
            _ => "note edited",
        };

        static string Growth(Observation o) => o.GrowthPercent is { } g ? KeyFigureText.Value(g, "percent") : "none";
        static string Or(string date) => date.Length == 0 ? "no date" : date;
    }

    /// <summary>Whether a series may judge a target, as a sentence: accepted, or refused with the reason.</summary>
    public static string Of(MetricCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return Of(new Prose((check.Accepted ? "Accepted. " : "Refused. ") + check.Reason));
    }

    /// <summary>A back-test: its verdict beside the outcome, as prose.</summary>
    public static string Of(BackTest backTest)
    {
        ArgumentNullException.ThrowIfNull(backTest);
        return Of(backTest.Summary());
    }

    /// <summary>
    /// An out-of-sample evaluation: for each method, over all horizons and at each horizon, the number of
    /// forecasts, the typical error, the bias and the share of outcomes inside the 90 % interval; then the fits
    /// that could not be made.
    /// </summary>
    public static string Of(RollingOrigin evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var series = evaluation.Series;
        var table = new Table(
            string.Create(CultureInfo.InvariantCulture, $"How each method did out of sample: {Names.Series(series.Indicator, series.Zone)}, forecasts from {BasisText.Years(evaluation.Origins)}, 1 to {evaluation.MaximumHorizon} years ahead"),
            "method", "years ahead", "forecasts", "typical error", "bias", "outcomes inside the 90 % interval");
        foreach (var s in evaluation.Summary.Concat(evaluation.SummaryByHorizon).OrderBy(s => evaluation.Models.ToList().IndexOf(s.Model)).ThenBy(s => s.Horizon ?? 0))
        {
            var all = s.Horizon is null;
            table.AddRow(
                new TableCell(all ? s.Model : string.Empty),
                new TableCell(all ? "all" : KeyFigureText.Integer(s.Horizon!.Value), Numeric: true),
                new TableCell(KeyFigureText.Integer(s.Forecasts), Numeric: true),
                new TableCell(s.Forecasts == 0 ? "—" : KeyFigureText.Value(s.MeanAbsoluteLogErrorPercent, "percent"), Numeric: true),
                new TableCell(s.Forecasts == 0 ? "—" : KeyFigureText.Signed(s.MeanLogErrorPercent / 100), Numeric: true),
                // A share of one to three forecasts is a count, not a rate: "2 of 3".
                new TableCell(s.Forecasts == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(s.Coverage * s.Forecasts)} of {s.Forecasts}"), Numeric: true));
        }

        table.AddNote("Error = ln(outcome ÷ median forecast); typical error = 100 × its mean absolute value; bias = 100 × its mean (negative: the forecasts were too high). A calibrated 90 % interval holds 90 % of the outcomes.");
        foreach (var skip in evaluation.Skipped)
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture, $"Not fitted: {skip.Model} from {skip.Origin}: {skip.Reason}"));
        }

        return table.ToHtml();
    }

    /// <summary>
    /// Any DataFrame as a readable table: headers in words (<c>growth_pct</c> → "growth (%)", other underscores as
    /// spaces), "—" for a missing value, one number format per column (the fewest decimals, up to four, that show
    /// every value of the column; thousands separators except in year-like columns), "yes"/"no" for booleans, and
    /// every row up to <see cref="DataFrameRowLimit"/>.
    /// </summary>
    public static string Of(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var columns = frame.Columns.ToList();
        var table = new Table(
            string.Create(CultureInfo.InvariantCulture, $"{frame.Rows.Count} {(frame.Rows.Count == 1 ? "row" : "rows")} × {columns.Count} {(columns.Count == 1 ? "column" : "columns")}"),
            columns.Select(c => Header(c.Name)).ToArray());
        var formats = columns.Select(ColumnFormat).ToArray();
        var shown = Math.Min(frame.Rows.Count, DataFrameRowLimit);
        for (long r = 0; r < shown; r++)
        {
            table.AddRow(columns.Select((c, i) => formats[i](c[r])).ToArray());
        }

        if (frame.Rows.Count > shown)
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture, $"The first {shown} of {frame.Rows.Count} rows; filter the DataFrame to see the others."));
        }

        return table.ToHtml();
    }

    private static readonly Dictionary<string, string> HeaderWords = new(StringComparer.Ordinal)
    {
        ["growth_pct"] = "growth (%)",
        ["name_en"] = "name",
        ["name_zh"] = "name (Chinese)",
        ["low_90"] = "low (90 %)",
        ["high_90"] = "high (90 %)",
        ["mean_abs_log_error_pct"] = "typical error (%)",
        ["mean_log_error_pct"] = "bias (%)",
        ["coverage_90"] = "inside the 90 % interval",
        ["published_value"] = "value as published",
        ["published_unit"] = "unit as published",
        ["log_error"] = "log error",
    };

    private static string Header(string name) => HeaderWords.TryGetValue(name, out var words) ? words : name.Replace('_', ' ');

    private static Func<object?, TableCell> ColumnFormat(DataFrameColumn column)
    {
        var values = Enumerable.Range(0, (int)column.Length).Select(i => column[i]).ToArray();
        var numbers = values.OfType<IConvertible>().Where(v => v is not string and not bool and not char).Select(v => v.ToDouble(CultureInfo.InvariantCulture)).Where(double.IsFinite).ToArray();
        if (column.DataType == typeof(bool))
        {
            return v => v is bool b ? new TableCell(b ? "yes" : "no") : new TableCell("—");
        }

        if (numbers.Length == 0 || column.DataType == typeof(string))
        {
            return v => new TableCell(v is null || (v is string s && s.Length == 0) ? "—" : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "—");
        }

        var decimals = Enumerable.Range(0, 5).FirstOrDefault(d => numbers.All(x => Math.Abs(Math.Round(x, d) - x) <= 1e-9 * Math.Max(1, Math.Abs(x))), 4);
        var yearLike = column.Name is "year" or "line" or "origin" or "horizon" || (decimals == 0 && numbers.All(x => x >= 1900 && x <= 2100));
        var format = (yearLike ? "0" : "#,##0") + (decimals > 0 ? "." + new string('0', decimals) : string.Empty);
        return v => v is IConvertible c && v is not string && double.IsFinite(c.ToDouble(CultureInfo.InvariantCulture))
            ? new TableCell(c.ToDouble(CultureInfo.InvariantCulture).ToString(format, CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal), Numeric: true)
            : new TableCell("—", Numeric: true);
    }

    // A published figure's number at the precision it was published in (KeyFigureText.Published without the unit,
    // which the group's heading gives).
    private static string PublishedNumber(Observation o)
    {
        var text = KeyFigureText.Published(o);
        var unit = KeyFigureText.UnitText(o.Indicator.Unit.Code);
        return unit.Length > 0 && text.EndsWith(" " + unit, StringComparison.Ordinal) ? text[..^(unit.Length + 1)] : text;
    }
}
