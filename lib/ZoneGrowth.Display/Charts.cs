using System.Globalization;
using System.Net;
using Plotly.NET;
using Plotly.NET.CSharp;
using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Publishing;
using ZoneGrowth.Regression;
using ZoneGrowth.Targets;
using CChart = Plotly.NET.CSharp.Chart;
using FChart = Plotly.NET.Chart;

namespace ZoneGrowth.Display;

/// <summary>
/// Plotly.NET charts of the workbook's data and results, returned as <see cref="GenericChart"/>
/// so a notebook displays them inline (with Plotly.NET.Interactive). Every chart has a title,
/// axis titles with units and a legend. Statuses are drawn distinctly: reported filled circle,
/// estimate open square, target red star, lower bound triangle-up, approximate open circle,
/// derived open diamond with a dashed connection to the figure it was derived from.
/// </summary>
public static class Charts
{
    /// <summary>
    /// The width of every chart, in CSS pixels: the width of an A4 page's text in a printed report (186 mm), so the
    /// picture prints at its own size and its text at plotly's 12 px reads as 9 pt on paper, as on screen.
    /// </summary>
    public const int Width = 700;

    /// <summary>The height of every chart, in CSS pixels (room for a title of three lines above and the legend under the plot).</summary>
    public const int Height = 600;

    /// <summary>The longest line of a chart's title, in characters of its 17 px type, that fits the width with room for the tool bar at the right.</summary>
    internal const int TitleWidth = 62;

    /// <summary>The longest line of a chart's note under the title, in characters of its 11 px type.</summary>
    internal const int NoteWidth = 100;

    /// <summary>The longest line of a legend entry, in characters of its 12 px type, beside the entry's symbol.</summary>
    internal const int LegendWidth = 95;

    /// <summary>The type size of a chart's note, in pixels: 8.25 pt on paper, the smallest a printed chart carries.</summary>
    private const int NoteSize = 11;

    /// <summary>The gap between the figure's top edge and the title's first line, in pixels.</summary>
    private const int TitleTop = 14;

    /// <summary>Levels over years on a log scale: one trace per series and status class.</summary>
    /// <exception cref="ArgumentException">No series, or a series with a non-positive value (log scale).</exception>
    public static GenericChart Indicators(params IReadOnlyList<IndicatorSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            throw new ArgumentException(LibraryMessages.NoSeriesToDraw, nameof(series));
        }

        var bad = series.SelectMany(s => s.Points.Where(p => !(p.Value > 0)).Select(p => $"{s.Zone} {s.Indicator.Id} {p.Year}: {p.Value}")).ToArray();
        if (bad.Length > 0)
        {
            throw new ArgumentException(LibraryMessages.LogScaleNotPositive(bad), nameof(series));
        }

        var units = series.Select(s => s.Unit).Distinct().ToArray();
        var colours = new Dictionary<(string, string), string>();
        var traces = new List<GenericChart>();
        foreach (var s in series)
        {
            var key = (s.Zone, s.Indicator.Id);
            if (!colours.TryGetValue(key, out var colour))
            {
                colour = ChartStyle.Colour(colours.Count);
                colours[key] = colour;
            }

            // With several units on one axis, each legend entry says its unit.
            var name = units.Length == 1 ? $"{s.Indicator.EnglishName} ({s.Zone})" : $"{s.Indicator.EnglishName} ({s.Zone}, {s.Unit.Code})";
            traces.AddRange(PointTraces(s, colour, name));
        }

        var yTitle = units.Length == 1 ? $"{Names.Unit(units[0])}, log scale" : "value in each indicator's unit (see legend), log scale";
        var values = series.SelectMany(s => s.Points.Select(p => p.Value)).ToArray();
        var note = Legend(series.SelectMany(s => s.Points.Select(ChartStyle.ClassOf)));
        if (series.Any(s => s.Points.Where(p => ChartStyle.ClassOf(p) == PointClass.Reported).Select(p => p.Observation.Basis).Distinct().Count() > 1))
        {
            note += " A line joins levels on one basis: a revision of levels (after an economic census) starts a new line, so a first release is never joined to a revised level.";
        }

        var chart = Finish(traces, IndicatorsTitle(series), "Year", yTitle, Scale.Log, note: note, yValues: values);
        return chart;
    }

    /// <summary>
    /// The title of <see cref="Indicators(IReadOnlyList{IndicatorSeries})"/>: one indicator by its name and zone(s);
    /// several by their number and zone(s), the legend naming each (names joined would make a title of a paragraph).
    /// </summary>
    private static string IndicatorsTitle(IReadOnlyList<IndicatorSeries> series)
    {
        var indicators = series.Select(s => s.Indicator).Distinct().ToArray();
        var zones = string.Join(" and ", series.Select(s => s.Zone).Distinct());
        return indicators.Length == 1
            ? $"{indicators[0].EnglishName} ({zones}) by year, by status"
            : $"{zones}: {Names.Count(indicators.Length)} indicators by year, by status (the legend names each)";
    }

    /// <summary>
    /// Levels of indicators of a data set over years on a log scale, every status included (each
    /// status read as its own series, so revisions resolve as in <see cref="DataSet.Series"/>).
    /// </summary>
    /// <param name="data">The data set.</param>
    /// <param name="zone">The zone; may be null when each indicator has only one zone.</param>
    /// <param name="indicators">Indicator ids.</param>
    public static GenericChart Indicators(DataSet data, string? zone, params IReadOnlyList<string> indicators)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(indicators);
        var series = new List<IndicatorSeries>();
        foreach (var id in indicators)
        {
            // Each status as its own series; a null zone is resolved (or refused with the zones to
            // choose from) by DataSet.Series, and an unknown id is refused there too.
            var statuses = data.Observations.Where(o => o.Indicator.Id == id && (zone is null || o.Zone == zone)).Select(o => o.Status).Distinct().Order().ToArray();
            series.AddRange(statuses.Length == 0 ? [data.Series(id, zone)] : statuses.Select(status => data.Series(id, zone, [status])));
        }

        return Indicators(series);
    }

    /// <summary>
    /// Actual values against a fitted log-linear trend on the level scale: the trend (mean level,
    /// Duan's smearing), a confidence band of the median trend and a prediction band for a new
    /// observation, over the fitted years and <paramref name="predictionYears"/>.
    /// </summary>
    /// <param name="fit">The fitted trend.</param>
    /// <param name="series">The series it was fitted to (drawn by status).</param>
    /// <param name="predictionYears">Years to project to (the bands run from the first fitted year to the last of these).</param>
    /// <param name="level">The level of both bands.</param>
    public static GenericChart Fit(LogLinearTrendResults fit, IndicatorSeries series, IReadOnlyList<int> predictionYears, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(predictionYears);
        return FitChart(fit.Years, years => fit.PredictLevels(years, BackTransformCorrection.Smearing, level), fit.AnnualGrowthRate, series, predictionYears, level,
            "log-linear trend", string.Empty, [], null);
    }

    /// <summary>
    /// Actual values against a break-aware trend (one level shift per basis after the first) on the level scale: the
    /// trend on the latest basis (mean level, Duan's smearing) with its confidence and prediction bands over the fitted
    /// years and <paramref name="predictionYears"/>, and the trend on each earlier basis, dotted, over that basis'
    /// years, so the level shift shows as the gap between parallel lines. With a single basis, the same chart as
    /// <see cref="Fit(LogLinearTrendResults, IndicatorSeries, IReadOnlyList{int}, double)"/>.
    /// </summary>
    /// <param name="fit">The fitted trend.</param>
    /// <param name="series">The series it was fitted to (drawn by status).</param>
    /// <param name="predictionYears">Years to project to (the bands run from the first fitted year to the last of these).</param>
    /// <param name="level">The level of both bands.</param>
    public static GenericChart Fit(LevelShiftTrendResults fit, IndicatorSeries series, IReadOnlyList<int> predictionYears, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(predictionYears);
        LevelPredictions Predict(int[] years) => fit.PredictLevels(years, BackTransformCorrection.Smearing, level);
        if (fit.LevelShifts.Count == 0)
        {
            return FitChart(fit.Years, Predict, fit.AnnualGrowthRate, series, predictionYears, level, "log-linear trend", string.Empty, [], null);
        }

        var earlier = new List<GenericChart>();
        var colour = ChartStyle.Colour(0);
        foreach (var group in fit.BasisGroups.Where(g => g.Basis != fit.LatestBasis && g.Years[^1] > g.Years[0]))
        {
            var span = Enumerable.Range(group.Years[0], group.Years[^1] - group.Years[0] + 1).ToArray();
            var levels = fit.PredictLevels(span, BackTransformCorrection.Smearing, level, group.Basis).Levels;
            earlier.Add(Line(span.Select(y => (double)y), levels, $"fitted trend, basis {BasisName(group.Basis)} (mean level)", colour, StyleParam.DrawingStyle.Dot));
        }

        var shifted = string.Join(" and ", fit.LevelShifts.Select(s => BasisText.Revision(s.Basis)));
        var note = string.Create(CultureInfo.InvariantCulture,
            $"Trend and bands on the latest basis ({BasisName(fit.LatestBasis)}); the level shift{(fit.LevelShifts.Count == 1 ? string.Empty : "s")} keep{(fit.LevelShifts.Count == 1 ? "s" : string.Empty)} the change of basis out of the growth rate.");
        return FitChart(fit.Years, Predict, fit.AnnualGrowthRate, series, predictionYears, level,
            $"log-linear trend with a level shift for {shifted}", $", basis {BasisName(fit.LatestBasis)}", earlier, note);
    }

    /// <summary>The basis as a chart label: "first published", "after the 5th census".</summary>
    private static string BasisName(string basis) => BasisText.Short(basis);

    private static GenericChart FitChart(
        IReadOnlyList<int> fittedYears,
        Func<int[], LevelPredictions> predict,
        double growth,
        IndicatorSeries series,
        IReadOnlyList<int> predictionYears,
        double level,
        string model,
        string lineSuffix,
        IReadOnlyList<GenericChart> extraLines,
        string? extraNote)
    {
        var first = fittedYears.Min();
        var lastFitted = fittedYears.Max();
        var last = predictionYears.Count == 0 ? lastFitted : Math.Max(lastFitted, predictionYears.Max());
        var years = Enumerable.Range(first, last - first + 1).ToArray();
        var p = predict(years);
        var x = years.Select(y => (double)y).ToArray();
        var pct = Pct(level);
        var colour = ChartStyle.Colour(0);
        var traces = new List<GenericChart>();
        traces.AddRange(Band(x, p.PredictionIntervals.Select(c => c.Lower), p.PredictionIntervals.Select(c => c.Upper), $"{pct} prediction band (new observation)", "rgba(31,119,180,0.12)"));
        traces.AddRange(Band(x, p.MedianConfidenceIntervals.Select(c => c.Lower), p.MedianConfidenceIntervals.Select(c => c.Upper), $"{pct} confidence band (median trend)", "rgba(31,119,180,0.30)"));
        var inSample = years.Select((y, i) => (y, i)).Where(t => t.y <= lastFitted).ToArray();
        traces.Add(Line(inSample.Select(t => (double)t.y), inSample.Select(t => p.Levels[t.i]), $"fitted trend{lineSuffix} (mean level)", colour, StyleParam.DrawingStyle.Solid));
        if (last > lastFitted)
        {
            var outOfSample = years.Select((y, i) => (y, i)).Where(t => t.y >= lastFitted).ToArray();
            traces.Add(Line(outOfSample.Select(t => (double)t.y), outOfSample.Select(t => p.Levels[t.i]), $"projected trend{lineSuffix} (mean level)", colour, StyleParam.DrawingStyle.Dash));
        }

        traces.AddRange(extraLines);
        traces.AddRange(PointTraces(series, "#000000", "actual"));
        var title = string.Create(CultureInfo.InvariantCulture,
            $"{series.Indicator.EnglishName} ({series.Zone}): {model} fitted {first}–{lastFitted}, {KeyFigureText.Percent(growth)} a year");
        return Finish(traces, title, "Year", Names.Unit(series.Unit), Scale.Linear,
            note: extraNote is null ? p.Description : extraNote + " " + p.Description);
    }

    /// <summary>
    /// A fan chart of simulated levels: the 5–95 % and 25–75 % bands and the median of the
    /// simulation's fan, the observed history by status, and the target as a horizontal line with
    /// a star labelled with its value and source. With a metric conversion, history and fan are
    /// shown in the target's indicator (× the conversion ratio) and the conversion is stated.
    /// </summary>
    /// <exception cref="ArgumentException">The simulation has no fan with the 5, 25, 50, 75 and 95 % probabilities (set <see cref="MonteCarloOptions.FanProbabilities"/> to <see cref="MonteCarloOptions.StandardFan"/>).</exception>
    public static GenericChart Fan(TargetAssessment assessment, TargetSimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(simulation);
        var t = simulation.Target;
        var title = string.Create(CultureInfo.InvariantCulture,
            $"{Names.Series(t.Indicator, t.Zone)}: {simulation.Counts.Paths:#,0} simulated paths under the {simulation.ModelName}; P(target met in {t.Year}) {KeyFigureText.ProbabilityIs(simulation.Probability)}");
        return FanChart(assessment.Series, simulation, title, simulation.Conversion?.ToString());
    }

    private static GenericChart FanChart(IndicatorSeries history, TargetSimulation simulation, string title, string? note)
    {
        double[] needed = [0.05, 0.25, 0.50, 0.75, 0.95];
        if (simulation.Fan.Count == 0 || needed.Any(q => !simulation.Fan[0].Probabilities.Any(p => Math.Abs(p - q) < 1e-9)))
        {
            throw new ArgumentException(LibraryMessages.NoStandardFan, nameof(simulation));
        }

        var ratio = simulation.Conversion?.Ratio ?? 1;
        var years = simulation.Fan.Select(f => (double)f.Year).ToList();
        IReadOnlyList<double> Quantile(double q) => simulation.Fan.Select(f => ratio * f.Levels[IndexOf(f.Probabilities, q)]).ToList();
        var bands = needed.ToDictionary(q => q, q => Quantile(q).ToList());
        var lastObserved = history.Points[^1];
        if (lastObserved.Year == simulation.Fan[0].Year - 1)
        {
            // The fan starts from the last observation.
            years.Insert(0, lastObserved.Year);
            foreach (var band in bands.Values)
            {
                band.Insert(0, ratio * lastObserved.Value);
            }
        }

        var colour = ChartStyle.Colour(0);
        var traces = new List<GenericChart>();
        traces.AddRange(Band(years, bands[0.05], bands[0.95], "90 % of paths (5–95 %)", "rgba(31,119,180,0.15)"));
        traces.AddRange(Band(years, bands[0.25], bands[0.75], "50 % of paths (25–75 %)", "rgba(31,119,180,0.35)"));
        traces.Add(Line(years, bands[0.50], "median path", colour, StyleParam.DrawingStyle.Solid));
        traces.AddRange(PointTraces(history, "#000000", "observed", ratio));
        traces.AddRange(TargetTraces(simulation.Target, history.Points[0].Year, Math.Max(simulation.HorizonYear, simulation.Target.Year)));
        return Finish(traces, title, "Year", Names.Unit(simulation.Target.Unit), Scale.Linear, note);
    }

    /// <summary>
    /// The nowcast of the target outlook: the published series (reported and derived points), the 5–95 % and
    /// 25–75 % bands and the median of the simulated paths for the years after it, and the target.
    /// </summary>
    /// <param name="outlook">The target outlook.</param>
    /// <param name="simulation">Its simulation.</param>
    public static GenericChart Nowcast(TargetOutlook outlook, OutlookSimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(outlook);
        ArgumentNullException.ThrowIfNull(simulation);
        var t = outlook.Target;
        var title = string.Create(CultureInfo.InvariantCulture,
            $"{Names.Series(t.Indicator, t.Zone)}: published to {outlook.LastPublished.Year}, estimated since from every related figure; P(target met in {t.Year}) {KeyFigureText.ProbabilityIs(outlook.Probability)}");
        return FanChart(outlook.Assessment.Series, simulation.AsTargetSimulation(), title,
            string.Create(CultureInfo.InvariantCulture, $"{simulation.Accepted:#,0} simulated paths; every stated choice integrated over its prior."));
    }

    /// <summary>
    /// P(target met) against the zone's price growth a year, over the prior's 1 % to 99 % quantiles: every other
    /// choice integrated over, and with revenue on each basis; the prior's weight (grey) and the weight given all
    /// the evidence (blue) as areas on one scale, the headline over the central 90 % of the latter, and "no price
    /// rise" as a point. The headline integrates the curve over the weight given the evidence.
    /// </summary>
    /// <exception cref="ArgumentException">The outlook bridges no year with prices (no curve).</exception>
    public static GenericChart PriceCurve(TargetOutlook outlook)
    {
        ArgumentNullException.ThrowIfNull(outlook);
        var curve = outlook.PriceCurve;
        var prior = outlook.PricePrior;
        if (curve.Count == 0 || prior is null)
        {
            throw new ArgumentException(LibraryMessages.NoPriceCurve, nameof(outlook));
        }

        var x = curve.Select(c => 100 * c.PriceGrowth).ToArray();
        var traces = new List<GenericChart>();
        var peak = curve.Max(c => Math.Max(c.PriorDensity, c.PosteriorDensity));
        traces.Add(CChart.Scatter<double, double, string>(x, curve.Select(c => 0.3 * c.PriorDensity / peak).ToArray(), StyleParam.Mode.Lines,
            Name: "the prior's weight on each price growth (height scaled)", ShowLegend: true,
            LineColor: Color.fromString("rgba(120,120,120,0.6)"), Fill: StyleParam.Fill.ToZero_y, FillColor: Color.fromString("rgba(160,160,160,0.25)")));
        traces.Add(CChart.Scatter<double, double, string>(x, curve.Select(c => 0.3 * c.PosteriorDensity / peak).ToArray(), StyleParam.Mode.Lines,
            Name: "its weight given all the evidence (same scale)", ShowLegend: true,
            LineColor: Color.fromString("rgba(42,110,187,0.7)"), Fill: StyleParam.Fill.ToZero_y, FillColor: Color.fromString("rgba(42,110,187,0.12)")));
        traces.Add(Line(x, curve.Select(c => c.Probability), "P(met), weighing both revenue bases", ChartStyle.Colour(0), StyleParam.DrawingStyle.Solid));
        if (curve.Any(c => c.OriginalBasis != c.RevisedBasis))
        {
            traces.Add(Line(x, curve.Select(c => c.OriginalBasis), "P(met) if revenue stays on its original basis", ChartStyle.Colour(1), StyleParam.DrawingStyle.Dash));
            traces.Add(Line(x, curve.Select(c => c.RevisedBasis), "P(met) if revenue moves with the census revision", ChartStyle.Colour(2), StyleParam.DrawingStyle.Dot));
        }

        var (p05, p95) = outlook.PriceQuantiles(0.05, 0.95);
        traces.Add(Line([100 * (Math.Exp(p05) - 1), 100 * (Math.Exp(p95) - 1)], [outlook.Probability, outlook.Probability],
            string.Create(CultureInfo.InvariantCulture, $"headline P {KeyFigureText.ProbabilityIs(outlook.Probability)}, the curve weighed by the price growth's weight given the evidence (drawn over its central 90 %)"), ChartStyle.TargetColour, StyleParam.DrawingStyle.Dash));
        if (outlook.Cases.FirstOrDefault(c => c.Kind == OutlookCaseKind.NoPriceRise) is { } none)
        {
            traces.Add(CChart.Scatter<double, double, string>([0.0], [none.Probability], StyleParam.Mode.Markers,
                Name: string.Create(CultureInfo.InvariantCulture, $"{none.Assumption} (P {KeyFigureText.ProbabilityIs(none.Probability)})"),
                ShowLegend: true, MarkerColor: Color.fromHex("#000000"), MarkerSymbol: StyleParam.MarkerSymbol.Diamond,
                MultiText: new[] { WebUtility.HtmlEncode(string.Create(CultureInfo.InvariantCulture, $"{none.Assumption}: P {KeyFigureText.ProbabilityIs(none.Probability)}")) }));
        }

        var title = string.Create(CultureInfo.InvariantCulture,
            $"{Names.Series(outlook.Target.Indicator, outlook.Target.Zone)}: P(target met in {outlook.Target.Year}) against the zone's price growth a year");
        var note = string.Create(CultureInfo.InvariantCulture,
            $"The prior is centred on {KeyFigureText.Signed(Math.Exp(prior.Mean) - 1)} with 90 % of its weight between {KeyFigureText.Signed(Math.Exp(prior.Quantile(0.05)) - 1)} and {KeyFigureText.Signed(Math.Exp(prior.Quantile(0.95)) - 1)} a year; given all the evidence, 90 % lies between {KeyFigureText.Signed(Math.Exp(p05) - 1)} and {KeyFigureText.Signed(Math.Exp(p95) - 1)}.");
        var chart = Finish(traces, title, "the zone's price growth a year (%)", "P(target met)", Scale.Linear, note);
        var yAxis = (DynamicObj.DynamicObj)GenericChart.getLayout(chart).GetPropertyValue("yaxis");
        yAxis.SetProperty("range", new[] { 0.0, 1.0 });
        yAxis.SetProperty("tickformat", ",.2f");
        var xAxis = (DynamicObj.DynamicObj)GenericChart.getLayout(chart).GetPropertyValue("xaxis");
        xAxis.SetProperty("ticksuffix", " %");
        return chart;
    }

    /// <summary>
    /// A heat map of the margin against the target (%) by constant annual growth (x, %) and
    /// baseline factor (y), on a diverging colour scale centred on 0: blue where the target is
    /// met, red where it is not.
    /// </summary>
    /// <param name="grid">The sensitivity grid.</param>
    /// <param name="target">The target, for the title and units; optional.</param>
    public static GenericChart Sensitivity(SensitivityGrid grid, Target? target = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var z = grid.MarginPercent;
        var hover = grid.BaselineFactors.Select((f, i) => grid.Rates.Select((r, j) =>
        {
            var cell = grid.Cells[(i * grid.Rates.Count) + j];
            return string.Create(CultureInfo.InvariantCulture,
                $"growth {KeyFigureText.Percent(r)}, baseline ×{KeyFigureText.Factor(f)}: {KeyFigureText.Level(cell.ValueInTargetYear)} ({(cell.Met ? "met" : "not met")}, {KeyFigureText.Signed(cell.MarginPercent)})");
        }).ToArray()).ToArray();
        // The grid's own rates and factors as categories: equal cells labelled with their values (a numeric
        // axis would give an uneven grid such as 0, 2, ..., 12, 15 % unequal widths and ticks of its own,
        // and factors written "1.1, 1.05, 1").
        var chart = CChart.Heatmap<double, string, string, string>(
            zData: z,
            X: grid.Rates.Select(KeyFigureText.Percent).ToArray(),
            Y: grid.BaselineFactors.Select(KeyFigureText.Factor).ToArray(),
            Name: "margin against the target (%)",
            // The colour bar is the heat map's key; a legend entry would repeat it as a meaningless swatch.
            ShowLegend: false,
            ColorScale: StyleParam.Colorscale.NewCustom(
            [
                Tuple.Create(0.0, Color.fromHex("#b2182b")),
                Tuple.Create(0.5, Color.fromHex("#f7f7f7")),
                Tuple.Create(1.0, Color.fromHex("#2166ac")),
            ]));
        var trace = GenericChart.getTraces(chart).Head;
        var colourBarTitle = new Title();
        colourBarTitle.SetProperty("text", "margin:<br>&gt; 0 met,<br>&lt; 0 not met");
        var colourBar = new ColorBar();
        colourBar.SetProperty("title", colourBarTitle);
        colourBar.SetProperty("ticksuffix", " %");
        trace.SetProperty("colorbar", colourBar);
        trace.SetProperty("zmid", 0.0);
        trace.SetProperty("texttemplate", "%{text}");
        // A fixed size: plotly shrinks cell text to fit by default, below what print can read.
        var cellFont = new DynamicObj.DynamicObj();
        cellFont.SetProperty("size", NoteSize);
        trace.SetProperty("textfont", cellFont);
        trace.SetProperty("text", grid.BaselineFactors.Select((_, i) => grid.Rates.Select((_, j) => KeyFigureText.Signed(grid.Cells[(i * grid.Rates.Count) + j].MarginPercent)).ToArray()).ToArray());
        trace.SetProperty("hovertext", hover);
        trace.SetProperty("hoverinfo", "text");
        var title = target is null
            ? string.Create(CultureInfo.InvariantCulture, $"Margin against the target ({KeyFigureText.Level(grid.Cells[0].Target)}) in the target year, by annual growth and baseline revision")
            : string.Create(CultureInfo.InvariantCulture, $"{Names.Series(target.Indicator, target.Zone)}: margin against the {target.Year} target of {target.ValueText}, by annual growth and baseline revision");
        return Finish([chart], title, "constant annual growth from the baseline to the target year", "baseline factor (1.00 = as published)", Scale.Categories,
            note: grid.Conversion?.ToString(), xCategories: true);
    }

    /// <summary>
    /// The first simulated year in which a path reaches the target: share of paths per year, and
    /// the share that does not reach it by the horizon.
    /// </summary>
    public static GenericChart FirstCrossing(TargetSimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var years = simulation.FirstCrossing.Select(f => f.Year.ToString(CultureInfo.InvariantCulture)).ToArray();
        var notBy = $"not by {simulation.HorizonYear.ToString(CultureInfo.InvariantCulture)}";
        var crossed = CChart.Column<double, string, string>(
            simulation.FirstCrossing.Select(f => 100 * f.Probability).ToArray(),
            Keys: years,
            Name: "first year at or above the target",
            ShowLegend: true,
            MarkerColor: Color.fromHex(ChartStyle.Colour(0)));
        var never = CChart.Column<double, string, string>(
            [100 * simulation.NotCrossedByHorizon],
            Keys: new[] { notBy },
            Name: $"target not reached by {simulation.HorizonYear.ToString(CultureInfo.InvariantCulture)}",
            ShowLegend: true,
            MarkerColor: Color.fromHex("#7f7f7f"));
        var t = simulation.Target;
        var title = string.Create(CultureInfo.InvariantCulture,
            $"{Names.Series(t.Indicator, t.Zone)}: first year at or above the {t.Year} target of {t.ValueText}, {simulation.Counts.Paths:#,0} paths under the {simulation.ModelName}");
        return Finish([crossed, never], title, "first year at or above the target", "share of simulated paths (%)", Scale.Linear,
            note: simulation.Conversion?.ToString(), xCategories: true);
    }

    /// <summary>Scenario paths from the baseline to the target year, with the target.</summary>
    /// <exception cref="ArgumentException">No scenarios.</exception>
    public static GenericChart Scenarios(IEnumerable<ScenarioResult> scenarios, Target target)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(target);
        var list = scenarios.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException(LibraryMessages.NoScenariosToDraw, nameof(scenarios));
        }

        var traces = list.Select((s, i) => CChart.Scatter<double, double, string>(
            s.Path.Select(p => (double)p.Year).ToArray(),
            s.Path.Select(p => p.Value).ToArray(),
            StyleParam.Mode.Lines_Markers,
            Name: $"{s.Name}: {KeyFigureText.Level(s.ValueInTargetYear)} ({(s.Met ? "met" : "not met")}, {KeyFigureText.Signed(s.MarginPercent)})",
            ShowLegend: true,
            MarkerColor: Color.fromHex(ChartStyle.Colour(i)),
            LineColor: Color.fromHex(ChartStyle.Colour(i)),
            MarkerSymbol: StyleParam.MarkerSymbol.Circle,
            MultiText: s.Path.Select((p, k) => k == 0 ? $"{p.Year}: {KeyFigureText.Level(p.Value)} (last published value)" : $"{p.Year}: {KeyFigureText.Level(p.Value)} (scenario)").ToArray()))
            .ToList();
        traces.AddRange(TargetTraces(target, list.Min(s => s.Path[0].Year), target.Year));
        var conversions = list.Select(s => s.Conversion).OfType<MetricConversion>().Distinct().Select(c => c.ToString());
        return Finish(traces, $"{Names.Series(target.Indicator, target.Zone)}: growth scenarios against the {target.Year.ToString(CultureInfo.InvariantCulture)} target",
            "Year", Names.Unit(target.Unit), Scale.Linear,
            note: string.Join(" ", conversions));
    }

    /// <summary>Points in year order, cut where the basis changes: each run is one line.</summary>
    private static List<SeriesPoint[]> BasisRuns(IEnumerable<SeriesPoint> points)
    {
        var runs = new List<SeriesPoint[]>();
        foreach (var point in points.OrderBy(p => p.Year))
        {
            if (runs.Count > 0 && runs[^1][^1].Observation.Basis == point.Observation.Basis)
            {
                runs[^1] = [.. runs[^1], point];
            }
            else
            {
                runs.Add([point]);
            }
        }

        return runs;
    }

    private static IEnumerable<GenericChart> PointTraces(IndicatorSeries series, string colour, string prefix, double ratio = 1)
    {
        var classes = series.Points.GroupBy(ChartStyle.ClassOf).OrderBy(g => g.Key);
        foreach (var group in classes)
        {
            var c = group.Key;
            var points = group.ToArray();
            var markerColour = c == PointClass.Target ? ChartStyle.TargetColour : colour;
            var name = $"{prefix}: {ChartStyle.Label(c)}";
            // A line joins reported levels on one basis only: a census revision starts a new line, so the chart
            // never splices a first release to a revised level (one legend entry for the runs).
            var runs = c == PointClass.Reported ? BasisRuns(points) : [points];
            for (var r = 0; r < runs.Count; r++)
            {
                var run = runs[r];
                var mode = c == PointClass.Reported && run.Length > 1 ? StyleParam.Mode.Lines_Markers : StyleParam.Mode.Markers;
                var trace = CChart.Scatter<double, double, string>(
                    run.Select(p => (double)p.Year).ToArray(),
                    run.Select(p => ratio * p.Value).ToArray(),
                    mode,
                    Name: name,
                    ShowLegend: r == 0,
                    MarkerColor: Color.fromHex(markerColour),
                    MarkerSymbol: ChartStyle.Symbol(c),
                    LineColor: Color.fromHex(markerColour),
                    LineDash: StyleParam.DrawingStyle.Solid,
                    MultiText: run.Select(p => Hover(series, p, ratio)).ToArray());
                ((DynamicObj.DynamicObj)GenericChart.getTraces(trace).Head.GetPropertyValue("marker")).SetProperty("size", c == PointClass.Target ? 12 : 8);
                if (runs.Count > 1)
                {
                    GenericChart.getTraces(trace).Head.SetProperty("legendgroup", name);
                }

                yield return trace;
            }

            if (c == PointClass.Derived)
            {
                // Dashed connection from each derived point to the published point it was derived from
                // (one trace per connection, one legend entry for all).
                var first = true;
                foreach (var p in points)
                {
                    var from = series.Points.FirstOrDefault(q => !q.IsDerived && q.Observation == p.Observation);
                    if (from is null)
                    {
                        continue;
                    }

                    var link = CChart.Scatter<double, double, string>(
                        new double[] { p.Year, from.Year },
                        new[] { ratio * p.Value, ratio * from.Value },
                        StyleParam.Mode.Lines,
                        Name: $"{prefix}: derived from",
                        ShowLegend: first,
                        LineColor: Color.fromHex(markerColour),
                        LineDash: StyleParam.DrawingStyle.Dash);
                    GenericChart.getTraces(link).Head.SetProperty("legendgroup", $"{prefix}: derived from");
                    first = false;
                    yield return link;
                }
            }
        }
    }

    private static string Hover(IndicatorSeries series, SeriesPoint p, double ratio)
    {
        var basis = p.Observation.Basis.Length == 0 ? string.Empty : $", {BasisText.Phrase(p.Observation.Basis)}";
        var text = string.Create(CultureInfo.InvariantCulture, $"{p.Year}: {KeyFigureText.Level(ratio * p.Value)} ({ChartStyle.Label(ChartStyle.ClassOf(p))}{basis}) — {p.Observation.Source}");
        if (p.IsDerived)
        {
            text += " — " + p.Derivation;
        }

        return WebUtility.HtmlEncode(text);
    }

    private static GenericChart[] Band(IEnumerable<double> x, IEnumerable<double> lower, IEnumerable<double> upper, string name, string fill)
    {
        var xs = x.ToArray();
        var group = name;
        var low = CChart.Scatter<double, double, string>(xs, lower.ToArray(), StyleParam.Mode.Lines,
            Name: name + " (lower)", ShowLegend: false, LineColor: Color.fromString("rgba(0,0,0,0)"), LineWidth: 0.0);
        var high = CChart.Scatter<double, double, string>(xs, upper.ToArray(), StyleParam.Mode.Lines,
            Name: name, ShowLegend: true, LineColor: Color.fromString("rgba(0,0,0,0)"), LineWidth: 0.0,
            Fill: StyleParam.Fill.ToNext_y, FillColor: Color.fromString(fill));
        foreach (var trace in new[] { low, high }.Select(c => GenericChart.getTraces(c).Head))
        {
            trace.SetProperty("legendgroup", group);
        }

        return [low, high];
    }

    private static GenericChart Line(IEnumerable<double> x, IEnumerable<double> y, string name, string colour, StyleParam.DrawingStyle dash) =>
        CChart.Scatter<double, double, string>(x.ToArray(), y.ToArray(), StyleParam.Mode.Lines,
            Name: name, ShowLegend: true, LineColor: Color.fromHex(colour), LineDash: dash, LineWidth: 2.0);

    /// <summary>The target as a dashed horizontal line from <paramref name="fromYear"/> to <paramref name="toYear"/> and a red star in its year, labelled with its value and source.</summary>
    private static GenericChart[] TargetTraces(Target target, int fromYear, int toYear)
    {
        var label = string.Create(CultureInfo.InvariantCulture, $"{target.ValueText} ({target.Year})");
        // The label sits above the left end of the target line, where the history runs below it, not at the star,
        // where the projected bands and paths cross the target.
        var line = CChart.Scatter<double, double, string>(
            [fromYear, Math.Max(toYear, target.Year)], [target.Value, target.Value], StyleParam.Mode.Lines_Text,
            Name: $"target level, source: {Html.ShortSource(target.Source)}",
            ShowLegend: true,
            LineColor: Color.fromHex(ChartStyle.TargetColour),
            LineDash: StyleParam.DrawingStyle.Dash,
            LineWidth: 1.5,
            MultiText: new[] { WebUtility.HtmlEncode($"target {label}"), string.Empty },
            TextPosition: StyleParam.TextPosition.TopRight);
        var star = CChart.Scatter<double, double, string>(
            [target.Year], [target.Value], StyleParam.Mode.Markers,
            Name: $"target {label}",
            ShowLegend: true,
            MarkerColor: Color.fromHex(ChartStyle.TargetColour),
            MarkerSymbol: StyleParam.MarkerSymbol.Star);
        var starTrace = GenericChart.getTraces(star).Head;
        starTrace.SetProperty("hovertext", WebUtility.HtmlEncode($"target {label} — {target.Source}"));
        ((DynamicObj.DynamicObj)starTrace.GetPropertyValue("marker")).SetProperty("size", 14);
        return [line, star];
    }


    /// <summary>
    /// The longest line of a y-axis title, in characters: with two lines of title and a row or two of legend the plot
    /// is about 360 px tall, which holds about 48 characters at the title's font size.
    /// </summary>
    internal const int YTitleWidth = 48;

    /// <summary>The scale of a chart's y axis.</summary>
    private enum Scale
    {
        /// <summary>Linear, ticks written in full (<see cref="ChartStyle.LinearTickFormat"/>).</summary>
        Linear,

        /// <summary>Logarithmic, ticks at <see cref="ChartStyle.LogTicks"/> of the values drawn.</summary>
        Log,

        /// <summary>The values drawn, as equal categories labelled with themselves.</summary>
        Categories,
    }

    private static GenericChart Finish(IEnumerable<GenericChart> traces, string title, string xTitle, string yTitle, Scale yScale, string? note, IReadOnlyCollection<double>? yValues = null, bool xCategories = false)
    {
        var chart = CChart.Combine(traces);

        // Plotly reads names and titles as HTML-like text: escape what came from the data.
        foreach (var trace in GenericChart.getTraces(chart))
        {
            if (trace.TryGetTypedPropertyValue<string>("name") is { } name)
            {
                // Legend entries do not wrap: a long one would run off the picture's right edge.
                trace.SetProperty("name", string.Join("<br>", WrapLines(name.Value, LegendWidth)));
            }
        }

        xTitle = WebUtility.HtmlEncode(xTitle);
        // A y title longer than the plot is tall would spill and be cut: wrap it, and let the axis
        // take the margin the lines need.
        yTitle = string.Join("<br>", WrapLines(yTitle, YTitleWidth));
        var titleLines = WrapLines(title, TitleWidth).ToArray();
        var noteLines = string.IsNullOrWhiteSpace(note) ? [] : WrapLines(note, NoteWidth).ToArray();
        var fullTitle = string.Join("<br>", titleLines) + string.Concat(noteLines.Select(l => string.Create(CultureInfo.InvariantCulture, $"<br><span style=\"font-size:{NoteSize}px\">{l}</span>")));

        chart = FChart.withTitle(fullTitle, null).Invoke(chart);
        // The title hangs from the top of the figure into a margin sized for all its lines, so a title of
        // three or four lines never reaches down into the plot (plotly centres it in a margin of fixed height).
        if (GenericChart.getLayout(chart).TryGetTypedPropertyValue<Title>("title") is { } titleObject)
        {
            // plotly ignores a top pad here, so the first line's top would touch the figure's edge (and lose its
            // ascenders in a picture): the title hangs TitleTop pixels below the top instead.
            titleObject.Value.SetProperty("yref", "container");
            titleObject.Value.SetProperty("y", 1.0 - ((double)TitleTop / Height));
            titleObject.Value.SetProperty("yanchor", "top");
        }

        chart = chart.WithXAxisStyle<double, double, string>(TitleText: xTitle);
        var xAxis = (DynamicObj.DynamicObj)GenericChart.getLayout(chart).GetPropertyValue("xaxis");
        if (xCategories)
        {
            // Labels such as "2022" or "0.0 %" would otherwise be read as numbers and drawn on a scale of their own.
            xAxis.SetProperty("type", "category");
        }
        else if (xTitle == "Year")
        {
            // Whole years, without a thousands separator ("2,021.5" otherwise).
            xAxis.SetProperty("tickformat", "d");
            xAxis.SetProperty("dtick", 1);
        }

        chart = chart.WithYAxisStyle<double, double, string>(TitleText: yTitle);
        var yAxis = (DynamicObj.DynamicObj)GenericChart.getLayout(chart).GetPropertyValue("yaxis");
        yAxis.SetProperty("automargin", true);
        switch (yScale)
        {
            case Scale.Log:
                if (yValues is null || yValues.Count == 0)
                {
                    throw new ArgumentException(LibraryMessages.LogAxisWithoutValues, nameof(yValues));
                }

                var (tickValues, tickLabels) = ChartStyle.LogTicks(yValues.Min(), yValues.Max());
                yAxis.SetProperty("type", "log");
                yAxis.SetProperty("tickmode", "array");
                yAxis.SetProperty("tickvals", tickValues);
                yAxis.SetProperty("ticktext", tickLabels);
                break;
            case Scale.Categories:
                yAxis.SetProperty("type", "category");
                break;
            default:
                yAxis.SetProperty("tickformat", ChartStyle.LinearTickFormat);
                break;
        }

        // Legend under the plot (names are long; at the side they would squeeze the plot).
        var legend = new Plotly.NET.LayoutObjects.Legend();
        legend.SetProperty("orientation", "h");
        legend.SetProperty("x", 0.0);
        legend.SetProperty("xanchor", "left");
        legend.SetProperty("y", -0.15);
        legend.SetProperty("yanchor", "top");
        var layout = new Layout();
        layout.SetProperty("showlegend", true);
        layout.SetProperty("legend", legend);
        // Room above the plot for every line of the title and its note: plotly's default top margin holds two
        // lines, and a third is drawn over the plot.
        var margin = new DynamicObj.DynamicObj();
        margin.SetProperty("t", TopMargin(titleLines.Length, noteLines.Length));
        layout.SetProperty("margin", margin);
        // Plotly's tool bar, shown on hover at the top right, runs down the right edge instead, clear of the title.
        var modebar = new DynamicObj.DynamicObj();
        modebar.SetProperty("orientation", "v");
        layout.SetProperty("modebar", modebar);
        chart = FChart.withLayout(layout).Invoke(chart);
        return chart.WithSize(Width: Width, Height: Height);
    }

    /// <summary>The top margin, in pixels, that holds a title of <paramref name="titleLines"/> lines and a note of <paramref name="noteLines"/> smaller lines above the plot.</summary>
    internal static int TopMargin(int titleLines, int noteLines) => 24 + TitleTop + (23 * titleLines) + (17 * noteLines);

    /// <summary>Breaks <paramref name="text"/> into escaped lines of at most about <paramref name="width"/> characters (plotly titles do not wrap).</summary>
    private static IEnumerable<string> WrapLines(string text, int width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        lines.Add(line.ToString());
        return lines.Select(l => WebUtility.HtmlEncode(l));
    }

    private static string? Legend(IEnumerable<PointClass> classes)
    {
        var present = classes.Distinct().Order().ToArray();
        return present.Length <= 1 ? null : "Markers: " + string.Join("; ", present.Select(c => c switch
        {
            PointClass.Reported => "filled circle reported",
            PointClass.Estimate => "open square estimate",
            PointClass.Target => "red star target",
            PointClass.LowerBound => "triangle lower bound (at least)",
            PointClass.UpperBound => "down-triangle upper bound (at most)",
            PointClass.Approximate => "open circle approximate",
            _ => "open diamond derived (dashed: derived from)",
        })) + ".";
    }

    private static int IndexOf(IReadOnlyList<double> probabilities, double q)
    {
        for (var i = 0; i < probabilities.Count; i++)
        {
            if (Math.Abs(probabilities[i] - q) < 1e-9)
            {
                return i;
            }
        }

        throw new ArgumentException(LibraryMessages.FanWithoutQuantile(q));
    }

    private static string Pct(double level) => (100 * level).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
