using System.Globalization;
using ZoneGrowth.Audit;
using ZoneGrowth.Data;
using ZoneGrowth.Publishing;
using ZoneGrowth.Regression;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Display;

/// <summary>
/// HTML renderings of the library's result types, as registered by <see cref="Workbook.Setup"/>
/// for notebooks and usable anywhere (reports). Every text is escaped; numbers are written in the
/// invariant culture; estimates, targets and derived values are marked; a metric conversion, when
/// present, is stated under the table.
/// </summary>
public static partial class Html
{
    /// <summary>Background of a cell whose target is met (light blue).</summary>
    public const string MetColour = "#cfe3f3";

    /// <summary>Background of a cell whose target is not met (light orange).</summary>
    public const string NotMetColour = "#f9d9bf";

    /// <summary>Background of a row that is not a reported outcome (estimate, target, bound, approximate, derived).</summary>
    public const string NotReportedColour = "#f3f3f3";

    /// <summary>Background of a figure new or changed since the vintage compared with.</summary>
    public const string ChangedColour = "#fff1b8";

    /// <summary>The year a figure is for, with its part of the year when it is not the whole: "2024", "2025 Q1-Q3".</summary>
    internal static string YearOf(Observation o) => o.IsWholeYear ? KeyFigureText.Integer(o.Year) : string.Create(CultureInfo.InvariantCulture, $"{o.Year} {o.Period}");

    /// <summary>A regression summary: its own <see cref="RegressionSummary.ToHtml"/>.</summary>
    public static string Of(RegressionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.ToHtml();
    }

    /// <summary>A log-linear trend fit: the summary of its regression.</summary>
    public static string Of(LogLinearTrendResults fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit.Summary().ToHtml();
    }

    /// <summary>A break-aware trend (level shifts for changes of basis): the summary of its regression, whose notes state the model, each shift and its caveats.</summary>
    public static string Of(LevelShiftTrendResults fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return fit.Summary().ToHtml();
    }

    /// <summary>A piecewise (broken) trend: its regression summary, then its Chow test when it has one.</summary>
    public static string Of(PiecewiseTrendResults fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var html = fit.Summary().ToHtml();
        return fit.ChowTest is null ? html : html + Of(fit.ChowTest);
    }

    /// <summary>A Chow test for a break: sums of squares, F, degrees of freedom and p-value.</summary>
    public static string Of(ChowTestResult chow)
    {
        ArgumentNullException.ThrowIfNull(chow);
        return new Table(string.Create(CultureInfo.InvariantCulture, $"Chow test for a break in {chow.BreakYear}"),
                "SSR pooled", "SSR separate segments", "F", "df", "p-value")
            .AddRow(
                RegressionNumber(chow.RestrictedSumOfSquares),
                RegressionNumber(chow.UnrestrictedSumOfSquares),
                chow.FStatistic.ToString("0.000", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"({chow.NumeratorDegreesOfFreedom}, {chow.DenominatorDegreesOfFreedom})"),
                chow.PValue.ToString("0.0000", CultureInfo.InvariantCulture))
            .AddNote("H0: one trend for the whole period; a small p-value points to a break. With few observations the test has little power.")
            .ToHtml();
    }

    /// <summary>
    /// Trend predictions on the level scale: year, median, mean level, confidence interval of the
    /// median trend and prediction interval of a new observation. Every value is a model estimate.
    /// </summary>
    public static string Of(LevelPredictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var level = predictions.PredictionIntervals.Count > 0 ? (100 * predictions.PredictionIntervals[0].Level).ToString("0.#", CultureInfo.InvariantCulture) + " %" : string.Empty;
        var table = new Table("Trend predictions (estimates)", "year", "median", "mean level", $"{level} interval, median trend", $"{level} interval, new observation");
        for (var i = 0; i < predictions.Years.Count; i++)
        {
            var ci = predictions.MedianConfidenceIntervals[i];
            var pi = predictions.PredictionIntervals[i];
            table.AddRow(
                KeyFigureText.Integer(predictions.Years[i]),
                new TableCell(KeyFigureText.Level(predictions.Medians[i]), Italic: true),
                new TableCell(KeyFigureText.Level(predictions.Levels[i]), Italic: true),
                $"{KeyFigureText.Level(ci.Lower)} to {KeyFigureText.Level(ci.Upper)}",
                $"{KeyFigureText.Level(pi.Lower)} to {KeyFigureText.Level(pi.Upper)}");
        }

        table.AddNote(predictions.Description);
        return table.ToHtml();
    }

    /// <summary>
    /// A data summary: per zone and indicator (its name; the id code uses on hover), the unit, the years and the
    /// figures by status ("9 reported, 1 estimate", reported first; the statuses in one column keep the table
    /// within the page), then the unit conversions made.
    /// </summary>
    public static string Of(DataSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var statuses = Enum.GetValues<ObservationStatus>();
        var table = new Table(
            string.Create(CultureInfo.InvariantCulture, $"Data summary: {summary.Data.Observations.Count} observations, {summary.Data.Zones.Count} zones, {summary.Rows.Select(r => r.Indicator.Id).Distinct().Count()} indicators"),
            "zone", "indicator", "unit", "years", "figures by status");
        foreach (var row in summary.Rows)
        {
            var counts = statuses.Where(s => row.CountByStatus[s] > 0).Select(s => string.Create(CultureInfo.InvariantCulture, $"{row.CountByStatus[s]} {s.ToText()}"));
            var anyNotReported = statuses.Any(s => s != ObservationStatus.Reported && row.CountByStatus[s] > 0);
            table.AddRow(
                row.Zone,
                new TableCell(row.Indicator.EnglishName, Tooltip: row.Indicator.Id),
                row.Indicator.Unit.Code,
                row.YearsText,
                new TableCell(string.Join(", ", counts), anyNotReported ? NotReportedColour : null));
        }

        table.AddNote("Only reported figures are published outcomes; estimates, targets, lower bounds and approximate figures are counted separately and never fitted silently.");
        foreach (var o in summary.Data.Conversions)
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture,
                $"Converted: {Names.Series(o.Indicator, o.Zone)} {o.Year} ({o.Status.ToText()}): {o.PublishedValue} {o.PublishedUnit.Code} = {KeyFigureText.Level(o.Value)} {o.Indicator.Unit.Code} ({o.Location.File}:{o.Location.Line})."));
        }

        foreach (var file in summary.Data.Files)
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture, $"File {file.Path}: {file.Rows} rows, SHA-256 {file.Sha256}."));
        }

        return table.ToHtml();
    }

    /// <summary>
    /// A consistency audit: one row per finding with kind and the number of its explanation, zone, indicator (by
    /// name; the id on hover), years, expected, actual, disagreement, allowed range and the rows involved. Each
    /// explanation is written out in a numbered note under the table (a paragraph in a cell would make the table
    /// wider than the page and every row as tall as its paragraph).
    /// </summary>
    public static string Of(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var findings = report.Findings;

        // Rows as line numbers when every finding's rows are in one file (named in a note): a file name in every
        // cell cannot wrap and would push the table past the page.
        var files = findings.SelectMany(c => c.Rows).Select(o => o.Location.File).Distinct().ToArray();
        var oneFile = files.Length == 1;
        var table = new Table(
            string.Create(CultureInfo.InvariantCulture, $"Consistency audit: {report.Checks.Count} checks, {findings.Count} flagged"),
            "kind", "zone", "indicator", "years", "expected", "actual", "disagreement", "allowed range", oneFile ? "rows (line)" : "rows (file:line)");
        foreach (var (c, i) in findings.Select((c, i) => (c, i)))
        {
            var indicator = c.Rows.Select(o => o.Indicator).FirstOrDefault(d => d.Id == c.Indicator);
            table.AddRow(
                new TableCell(string.Create(CultureInfo.InvariantCulture, $"{c.Kind.Words()} (note {i + 1})"), Tooltip: c.Explanation),
                c.Zone,
                new TableCell(indicator?.EnglishName ?? c.Indicator, Tooltip: c.Indicator),
                string.Create(CultureInfo.InvariantCulture, $"{c.FromYear}–{c.ToYear}"),
                KeyFigureText.Level(c.Expected),
                KeyFigureText.Level(c.Actual),
                new TableCell(KeyFigureText.Signed(c.Disagreement), NotMetColour),
                $"{KeyFigureText.Signed(c.AllowedLow)} to {KeyFigureText.Signed(c.AllowedHigh)}",
                new TableCell(
                    oneFile
                        ? string.Join(", ", c.Rows.Select(o => KeyFigureText.Integer(o.Location.Line)))
                        : string.Join("; ", c.Rows.Select(o => string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(o.Location.File)}:{o.Location.Line}"))),
                    Tooltip: string.Join("; ", c.Rows.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Location.File}:{o.Location.Line}")))));
        }

        if (findings.Count == 0)
        {
            table.AddNote("No check is outside its allowed range.");
        }

        table.AddNote("Disagreement: actual ÷ expected − 1. A flagged check is a possible definitional break or revision, not necessarily an error. "
            + (oneFile ? $"Rows are lines of {files[0]}." : "Rows are file name:line."));
        table.AddHint(oneFile ? "Hover over the rows for their file and lines." : "Hover over the rows for the files' paths.");
        foreach (var (c, i) in findings.Select((c, i) => (c, i)))
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {c.Explanation}"));
        }

        return table.ToHtml();
    }

    /// <summary>
    /// A series: year, value, status (for a derived point "derived", the status of the figure it comes from and
    /// its rule), source. Rows that are not reported outcomes are set in italics on a grey background. Notes under
    /// the table list the missing years, the releases superseded by a later one and the figures of a year on an
    /// earlier basis than its value (a first release beside a census-revised level).
    /// </summary>
    public static string Of(IndicatorSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var statuses = series.Statuses.Select(s => s.ToText()).ToList();
        if (series.DerivedPoints.Count > 0)
        {
            statuses.Add("derived");
        }

        var table = new Table(
            $"{Names.Series(series.Indicator, series.Zone)}, {Names.Unit(series.Unit)}; statuses: {string.Join(", ", statuses)}",
            "year", "value", "status", "source");
        foreach (var p in series.Points)
        {
            var marked = p.IsDerived || p.Status != ObservationStatus.Reported;
            var background = marked ? NotReportedColour : null;
            table.AddRow(
                new TableCell(KeyFigureText.Integer(p.Year), background, marked),
                new TableCell(p.IsDerived ? KeyFigureText.Level(p.Value) : PublishedNumber(p.Observation), background, marked, p.Observation.Quote.Length > 0 ? p.Observation.Quote : null, Numeric: true),
                new TableCell(p.IsDerived ? $"derived (from a {p.Status.ToText()} level): {p.Derivation}" : p.Status.ToText(), background, marked),
                new TableCell(ShortSource(p.Observation.Source), background, marked, string.Create(CultureInfo.InvariantCulture, $"{p.Observation.Source} ({p.Observation.Location.File}:{p.Observation.Location.Line})"), Source: p.Observation.Source));
        }

        if (series.MissingYears.Count > 0)
        {
            table.AddNote("Missing years (kept as gaps, nothing interpolated): " + string.Join(", ", series.MissingYears.Select(y => y.ToString(CultureInfo.InvariantCulture))) + ".");
        }

        if (series.DerivedPoints.Count > 0)
        {
            table.AddNote("Derived values are computed from a published figure by the rule shown; they are never written back into the data files.");
        }

        table.AddNote("Sources by site.");
        table.AddHint("Hover over a source for its full address and the data file's line.");

        if (series.Superseded.Count > 0)
        {
            table.AddNote("Superseded by a later release: " + string.Join("; ", series.Superseded.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Year} {KeyFigureText.Level(o.Value)} (published {o.Published})"))) + ".");
        }

        if (series.OnOtherBases.Count > 0)
        {
            table.AddNote("Also published on an earlier basis than the value shown: " + string.Join("; ", series.OnOtherBases.Select(o => string.Create(CultureInfo.InvariantCulture,
                $"{o.Year} {KeyFigureText.Level(o.Value)} {BasisText.Phrase(o.Basis)} ({(o.Published.Length > 0 ? "published " + o.Published : "publication date unknown")})"))) + ".");
        }

        return table.ToHtml();
    }

    /// <summary>The constant annual growth needed from the baseline to the target.</summary>
    public static string Of(RequiredGrowth required)
    {
        ArgumentNullException.ThrowIfNull(required);
        var table = new Table("Required constant annual growth", "baseline year", "baseline", "target year", "target", "years", "multiple", "required annual growth");
        table.AddRow(
            KeyFigureText.Integer(required.BaselineYear),
            KeyFigureText.Level(required.Baseline),
            KeyFigureText.Integer(required.TargetYear),
            new TableCell(KeyFigureText.Level(required.Target) + " (target)", Italic: true),
            KeyFigureText.Integer(required.Years),
            "×" + required.Multiple.ToString("0.000", CultureInfo.InvariantCulture),
            KeyFigureText.Percent(required.AnnualRate));
        table.AddNote("Required growth = (target ÷ baseline)^(1 ÷ years) − 1. The baseline is the last published value.");
        return table.ToHtml();
    }

    /// <summary>One scenario as a one-row scenario table.</summary>
    public static string Of(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Of([scenario]);
    }

    /// <summary>Scenarios: name, value in the target year, met or not, margin and margin %.</summary>
    public static string Of(IEnumerable<ScenarioResult> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var list = scenarios.ToArray();
        var targetYear = list.Length > 0 && list[0].Path.Count > 0 ? list[0].Path[^1].Year.ToString(CultureInfo.InvariantCulture) : "the target year";
        var table = new Table("Growth scenarios against the target", "scenario", $"projected value in {targetYear}", "target", "verdict", "margin", "margin %");
        foreach (var s in list)
        {
            var colour = s.Met ? MetColour : NotMetColour;
            table.AddRow(
                s.Name,
                new TableCell(KeyFigureText.Level(s.ValueInTargetYear) + " (projected)", Italic: true),
                new TableCell(KeyFigureText.Level(s.Target) + " (target)", Italic: true),
                new TableCell(s.Met ? "met" : "not met", colour),
                new TableCell(KeyFigureText.SignedLevel(s.Margin), colour),
                new TableCell(KeyFigureText.Signed(s.MarginPercent), colour));
        }

        table.AddNote("Projected values are scenario arithmetic from the last published value, not forecasts.");
        foreach (var note in list.Select(s => s.Note).OfType<string>().Distinct())
        {
            table.AddNote(note);
        }

        foreach (var conversion in list.Select(s => s.Conversion).OfType<MetricConversion>().Distinct())
        {
            table.AddNote(conversion.ToString());
        }

        return table.ToHtml();
    }

    /// <summary>A sensitivity grid: baseline factors down, growth rates across, margin % in each cell coloured met / not met.</summary>
    public static string Of(SensitivityGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var headers = new List<string> { "baseline factor \\ annual growth" };
        headers.AddRange(grid.Rates.Select(KeyFigureText.Percent));
        var target = grid.Cells.Count > 0 ? KeyFigureText.Level(grid.Cells[0].Target) : "n/a";
        var table = new Table($"Sensitivity: margin against the target ({target}) in the target year", headers);
        for (var f = 0; f < grid.BaselineFactors.Count; f++)
        {
            var cells = new List<TableCell> { KeyFigureText.Factor(grid.BaselineFactors[f]) };
            for (var r = 0; r < grid.Rates.Count; r++)
            {
                var cell = grid.Cells[(f * grid.Rates.Count) + r];
                cells.Add(new TableCell(
                    KeyFigureText.Signed(cell.MarginPercent),
                    cell.Met ? MetColour : NotMetColour,
                    Tooltip: $"{(cell.Met ? "met" : "not met")}: {KeyFigureText.Level(cell.ValueInTargetYear)} against {KeyFigureText.Level(cell.Target)}"));
            }

            table.AddRow(cells);
        }

        table.AddNote("Blue: target met; orange: not met. Margin = value reached ÷ target − 1; a baseline factor of 0.90 means the baseline revised down 10 %.");
        if (grid.Conversion is not null)
        {
            table.AddNote(grid.Conversion.ToString());
        }

        return table.ToHtml();
    }

    /// <summary>A closed-form target probability, with the predictive median and 90 % interval.</summary>
    public static string Of(TargetProbability probability)
    {
        ArgumentNullException.ThrowIfNull(probability);
        var t = probability.Target;
        var table = new Table(
            $"Probability of reaching the target under the {probability.ModelName}",
            "target", "P(level ≥ target)", "range over the conversion", "predictive median", "90 % interval");
        table.AddRow(
            new TableCell(TargetText(t), Italic: true, Tooltip: t.Source),
            KeyFigureText.Probability(probability.Probability),
            probability.Conversion is null ? "no conversion" : $"{KeyFigureText.Probability(probability.ProbabilityAtLowRatio)} to {KeyFigureText.Probability(probability.ProbabilityAtHighRatio)}",
            KeyFigureText.Level(probability.Predictive.Median),
            $"{KeyFigureText.Level(probability.Predictive.Quantile(0.05))} to {KeyFigureText.Level(probability.Predictive.Quantile(0.95))}");
        table.AddNote("Target source: " + t.Source);
        table.AddNote("Median and interval are of the predictive distribution in the series' units (t distribution of ln level).");
        if (probability.Conversion is not null)
        {
            table.AddNote(probability.Conversion.ToString());
        }

        return table.ToHtml();
    }

    /// <summary>A Monte Carlo of a target: probability ± standard error, the closed form, and the first-crossing table.</summary>
    public static string Of(TargetSimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var t = simulation.Target;
        var summary = new Table(
            $"Monte Carlo of the target under the {simulation.ModelName}",
            "target", "P(met) simulated", "± standard error", "closed form", "paths", "seed");
        summary.AddRow(
            new TableCell(TargetText(t), Italic: true, Tooltip: t.Source),
            // P as every P is written (two decimals); the standard error at the precision that shows it.
            KeyFigureText.Probability(simulation.Probability),
            KeyFigureText.PreciseProbability(simulation.StandardError),
            KeyFigureText.Probability(simulation.AnalyticProbability),
            simulation.Counts.Paths.ToString("#,0", CultureInfo.InvariantCulture),
            simulation.Options.Seed.ToString(CultureInfo.InvariantCulture));
        summary.AddNote("Target source: " + t.Source);
        if (simulation.Conversion is not null)
        {
            summary.AddNote(simulation.Conversion.ToString());
        }

        var crossing = new Table("First year the target is reached (share of simulated paths)", "first year at target", "share of paths");
        foreach (var (year, p) in simulation.FirstCrossing)
        {
            crossing.AddRow(KeyFigureText.Integer(year), KeyFigureText.Percent(p));
        }

        crossing.AddRow(new TableCell($"not by {KeyFigureText.Integer(simulation.HorizonYear)}", NotMetColour), new TableCell(KeyFigureText.Percent(simulation.NotCrossedByHorizon), NotMetColour));
        return summary.ToHtml() + crossing.ToHtml();
    }

    /// <summary>A data file read: path, rows and SHA-256.</summary>
    public static string Of(DataFileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new Table("Data file", "path", "rows", "SHA-256").AddRow(file.Path, KeyFigureText.Integer(file.Rows), file.Sha256).ToHtml();
    }

    /// <summary>A published key figure, as one row of <see cref="Of(PublishedResults)"/>.</summary>
    public static string Of(PublishedResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return KeyFigures("Key figure", [result]);
    }

    /// <summary>
    /// Key figures published together: what each is (its description; its name, which code and results.json use,
    /// on hover), its value and interval formatted by its unit, and what the interval is. The interval columns
    /// are left out when no figure has one.
    /// </summary>
    public static string Of(PublishedResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return KeyFigures("Key figures", results.Figures);
    }

    private static string KeyFigures(string caption, IReadOnlyList<PublishedResult> figures)
    {
        var intervals = figures.Any(r => r.Interval != IntervalKind.None);
        var table = intervals ? new Table(caption, "figure", "value", "interval", "what the interval is") : new Table(caption, "figure", "value");
        foreach (var r in figures)
        {
            TableCell[] cells = [new TableCell(r.Description, Tooltip: r.Name), new TableCell(KeyFigureText.Value(r.Value, r.Unit), Numeric: true)];
            table.AddRow(intervals ? [.. cells, new TableCell(KeyFigureText.Interval(r.Low, r.High, r.Unit), Numeric: true), r.Interval.Describe()] : cells);
        }

        table.AddHint(figures.Count == 1
            ? "Hover over the figure for the name results.json and the run's summary give it."
            : "Hover over a figure for the name results.json and the run's summary give it.");
        return table.ToHtml();
    }

    /// <summary>
    /// A source as its sites: each web address (a word with a '/' and no space) cut to its host and "/…", the rest as
    /// written, so that an address, which cannot wrap, does not make its table wider than the page.
    /// "hhtz.gov.cn/art/2023/3/6/art_1.html; HHZ plan (hhtz.gov.cn)" → "hhtz.gov.cn/…; HHZ plan (hhtz.gov.cn)".
    /// </summary>
    internal static string ShortSource(string source) => string.Join(' ', source.Split(' ').Select(ShortAddress));

    private static string ShortAddress(string word)
    {
        var scheme = word.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var slash = word.IndexOf('/', start);
        var opening = word.Length > 0 && word[0] == '(' ? 1 : 0;
        var tail = new string(word.Reverse().TakeWhile(c => c is ';' or ',' or ')').Reverse().ToArray());

        // An address has a host with a dot before its first '/', and a path after it.
        if (slash < 0 || !word[Math.Max(start, opening)..slash].Contains('.', StringComparison.Ordinal) || slash + 1 >= word.Length - tail.Length)
        {
            return word;
        }

        return word[..(slash + 1)] + "…" + tail;
    }

    private static string RegressionNumber(double value) =>
        Math.Abs(value) < 1e-3 && value != 0 ? value.ToString("0.000e+00", CultureInfo.InvariantCulture) : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string TargetText(Target t) =>
        string.Create(CultureInfo.InvariantCulture, $"{Names.Series(t.Indicator, t.Zone)} ≥ {t.ValueText} in {t.Year} (target)");
}
