using System.Text.Json.Nodes;
using Plotly.NET;
using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Regression;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Display.Tests;

/// <summary>Charts built from the shipped data and models fitted to it, checked on Plotly.NET's JSON of the figure.</summary>
public class ChartTests
{
    private static JsonObject Figure(GenericChart chart) => (JsonObject)JsonNode.Parse(GenericChart.toJson(chart))!;

    private static JsonObject[] Traces(JsonObject figure) => ((JsonArray)figure["data"]!).Cast<JsonObject>().ToArray();

    /// <summary>A trace's name as shown (the chart writes names HTML-escaped, as plotly.js reads them as HTML).</summary>
    private static string Name(JsonObject trace) => System.Net.WebUtility.HtmlDecode((string?)trace["name"] ?? "");

    private static double[] Numbers(JsonNode? array) => ((JsonArray)array!).Select(v => (double)v!).ToArray();

    private static JsonObject Trace(JsonObject figure, string nameStart) => Assert.Single(Traces(figure), t => Name(t).StartsWith(nameStart, StringComparison.Ordinal));

    private static string Title(JsonObject figure) => (string)figure["layout"]!["title"]!["text"]!;

    private static string AxisTitle(JsonObject figure, string axis) => (string)figure["layout"]![axis]!["title"]!["text"]!;

    private static JsonObject TraceNamed(JsonObject figure, string name) => Assert.Single(Traces(figure), t => Name(t) == name);

    /// <summary>
    /// The marker symbol by name. Plotly.NET writes plotly.js' symbol numbers; their names are from
    /// plotly.js' documentation (layout/marker symbol list): 0 circle, 1 square, 2 diamond,
    /// 5 triangle-up, 17 star, and +100 for the "-open" variant.
    /// </summary>
    private static string? Symbol(JsonObject trace)
    {
        var node = trace["marker"]?["symbol"];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() == System.Text.Json.JsonValueKind.String && !int.TryParse((string)node!, out _))
        {
            return (string)node!;
        }

        var code = node.GetValueKind() == System.Text.Json.JsonValueKind.String ? int.Parse((string)node!, System.Globalization.CultureInfo.InvariantCulture) : (int)node;
        var names = new Dictionary<int, string> { [0] = "circle", [1] = "square", [2] = "diamond", [5] = "triangle-up", [17] = "star" };
        return names[code % 100] + (code / 100 == 1 ? "-open" : "");
    }

    private static void AssertEveryTraceNamed(JsonObject figure)
    {
        Assert.All(Traces(figure), t => Assert.False(string.IsNullOrWhiteSpace(Name(t))));
        Assert.True((bool)figure["layout"]!["showlegend"]!);
        Assert.Equal("h", (string?)figure["layout"]!["legend"]!["orientation"]);
        Assert.Equal(Charts.Width, (int)figure["layout"]!["width"]!);
        Assert.False(string.IsNullOrWhiteSpace(Title(figure)));
    }

    [Fact]
    public void Indicators_draws_each_status_with_its_own_marker_on_a_log_axis()
    {
        var figure = Figure(Charts.Indicators(Shipped.Data, "HHZ", "digital_economy_revenue", "gdp"));
        AssertEveryTraceNamed(figure);
        Assert.Equal("log", (string?)figure["layout"]!["yaxis"]!["type"]);
        Assert.Equal("Year", AxisTitle(figure, "xaxis"));
        Assert.Equal("d", (string?)figure["layout"]!["xaxis"]!["tickformat"]);
        Assert.Contains("亿元", AxisTitle(figure, "yaxis"));

        // From the data file: revenue has reported and target rows, HHZ GDP reported and estimate rows.
        var expected = Shipped.Data.Observations
            .Where(o => o.Zone == "HHZ" && o.Indicator.Id is "digital_economy_revenue" or "gdp")
            .Select(o => (o.Indicator.EnglishName, o.Status))
            .Distinct()
            .ToArray();
        // One legend entry per indicator and status (a line cut at a change of basis is one entry).
        Assert.Equal(expected.Length, Traces(figure).Count(t => (bool?)t["showlegend"] != false));
        Assert.All(Traces(figure), t => Assert.Equal("scatter", (string?)t["type"]));

        var revenue = Shipped.Data.Catalog["digital_economy_revenue"].EnglishName;
        var gdp = Shipped.Data.Catalog["gdp"].EnglishName;
        Assert.Equal("circle", Symbol(Trace(figure, $"{revenue} (HHZ): reported")));
        Assert.Equal("star", Symbol(Trace(figure, $"{revenue} (HHZ): target")));
        Assert.Equal("square-open", Symbol(Trace(figure, $"{gdp} (HHZ): estimate")));

        // Target values are the data file's targets: 4500 亿元 (2021) and 600 billion RMB = 6000 亿元 (2025).
        var targets = Trace(figure, $"{revenue} (HHZ): target");
        Assert.Equal([2021.0, 2025.0], Numbers(targets["x"]));
        Assert.Equal([4500.0, 6000.0], Numbers(targets["y"]));
        Assert.Equal("rgba(214, 39, 40, 1.0)", (string?)targets["marker"]!["color"]); // #d62728
    }

    [Fact]
    public void Indicators_never_join_a_first_release_to_a_revised_level()
    {
        // data/hhz-indicators.csv: HHZ GDP reported 2016-2023 as first published, 2024 after the fifth census.
        var figure = Figure(Charts.Indicators(Shipped.Data, "HHZ", "gdp"));
        var gdp = Shipped.Data.Catalog["gdp"].EnglishName;
        var reported = Traces(figure).Where(t => Name(t) == $"{gdp} (HHZ): reported").ToArray();

        Assert.Equal(2, reported.Length);
        Assert.DoesNotContain(reported, t => Numbers(t["x"]).Contains(2023) && Numbers(t["x"]).Contains(2024));
        Assert.Single(reported, t => (bool?)t["showlegend"] != false);
        Assert.All(reported, t => Assert.Equal($"{gdp} (HHZ): reported", System.Net.WebUtility.HtmlDecode((string?)t["legendgroup"])));
    }

    [Fact]
    public void Indicators_draws_lower_bounds_as_triangles_and_approximate_values_as_open_circles()
    {
        // Data file rows: national_high_tech_enterprises 2023 2200 lower-bound; core_digital_added_value_share_of_gdp 2023 75 approximate.
        var figure = Figure(Charts.Indicators(Shipped.Data, "HHZ", "national_high_tech_enterprises", "core_digital_added_value_share_of_gdp"));
        var enterprises = Shipped.Data.Catalog["national_high_tech_enterprises"].EnglishName;
        var share = Shipped.Data.Catalog["core_digital_added_value_share_of_gdp"].EnglishName;
        var bound = TraceNamed(figure, $"{enterprises} (HHZ, count): lower bound (at least)");
        Assert.Equal("triangle-up", Symbol(bound));
        Assert.Contains(2200.0, Numbers(bound["y"]));
        var about = TraceNamed(figure, $"{share} (HHZ, percent): approximate");
        Assert.Equal("circle-open", Symbol(about));
        Assert.Equal([75.0], Numbers(about["y"]));
        Assert.Contains("(see legend)", AxisTitle(figure, "yaxis")); // count and percent on one axis: each entry names its unit
    }

    [Fact]
    public void Indicators_marks_derived_points_hollow_with_a_dashed_connection()
    {
        var figure = Figure(Charts.Indicators(Shipped.Revenue));
        AssertEveryTraceNamed(figure);
        var derived = TraceNamed(figure, Shipped.Revenue.Indicator.EnglishName + " (HHZ): derived");
        Assert.Equal("diamond-open", Symbol(derived));
        Assert.Equal(Shipped.Revenue.DerivedPoints.Select(p => (double)p.Year), Numbers(derived["x"]));
        var links = Traces(figure).Where(t => Name(t).EndsWith("derived from", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Shipped.Revenue.DerivedPoints.Count, links.Length);
        Assert.All(links, l => Assert.Equal("dash", (string?)l["line"]!["dash"]));

        // Each connection ends at the published point the derived one came from (2018 → 2017 and 2021 → 2020 in the data).
        Assert.Contains(links, l => Numbers(l["x"]).SequenceEqual([2017.0, 2018.0]) && Numbers(l["y"])[1] == 3070);
        Assert.Contains(links, l => Numbers(l["x"]).SequenceEqual([2020.0, 2021.0]) && Numbers(l["y"])[1] == 4758.7);
    }

    [Fact]
    public void Indicators_refuses_non_positive_values_on_a_log_scale()
    {
        var file = Path.Combine(Path.GetTempPath(), $"zonegrowth-display-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, "zone,indicator,year,value,unit,status,growth_pct,published,source,quote,note\nHHZ,gdp_real_growth,2023,-1.5,percent,reported,,2024,test,,\n");
        try
        {
            var growth = DataSet.Load(file, WorkbookPaths.Catalog).Series("gdp_real_growth");
            var e = Assert.Throws<ArgumentException>(() => Charts.Indicators(growth));
            Assert.Contains("2023", e.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Fit_draws_actuals_trend_and_both_bands_on_the_level_scale()
    {
        var figure = Figure(Charts.Fit(Shipped.GdpTrend, Shipped.Gdp, [2025, 2026]));
        AssertEveryTraceNamed(figure);
        Assert.Null(figure["layout"]!["yaxis"]!["type"]);
        Assert.Equal("Year", AxisTitle(figure, "xaxis"));
        Assert.Contains("亿元", AxisTitle(figure, "yaxis"));

        // The actuals as two lines, one per basis (2016-2023 first published, 2024 after the census): together every point.
        var actuals = Traces(figure).Where(t => Name(t) == "actual: reported").ToArray();
        Assert.Equal(2, actuals.Length);
        Assert.Equal(Shipped.Gdp.Years.Select(y => (double)y), actuals.SelectMany(t => Numbers(t["x"])));
        Assert.Equal(Shipped.Gdp.Values, actuals.SelectMany(t => Numbers(t["y"])));
        Assert.All(actuals, t => Assert.Equal("circle", Symbol(t)));

        var prediction = TraceNamed(figure, "95 % prediction band (new observation)");
        var confidence = TraceNamed(figure, "95 % confidence band (median trend)");
        Assert.Equal("tonexty", (string?)prediction["fill"]);
        Assert.Equal("tonexty", (string?)confidence["fill"]);
        var years = Numbers(prediction["x"]);
        Assert.Equal(Shipped.Gdp.Years.Min(), years[0]);
        Assert.Equal(2026, years[^1]);

        // The prediction band is wider than the confidence band in every year, and holds the trend.
        var predictionLower = Numbers(Trace(figure, "95 % prediction band (new observation) (lower)")["y"]);
        var confidenceLower = Numbers(Trace(figure, "95 % confidence band (median trend) (lower)")["y"]);
        var upperP = Numbers(prediction["y"]);
        var upperC = Numbers(confidence["y"]);
        for (var i = 0; i < years.Length; i++)
        {
            Assert.True(predictionLower[i] < confidenceLower[i] && upperC[i] < upperP[i], $"year {years[i]}");
        }

        var trend = Numbers(Trace(figure, "fitted trend")["y"]);
        Assert.All(trend.Select((v, i) => (v, i)), t => Assert.InRange(t.v, predictionLower[t.i], upperP[t.i]));
        Assert.Equal("dash", (string?)Trace(figure, "projected trend")["line"]!["dash"]);
    }

    [Fact]
    public void Fit_of_a_level_shift_trend_draws_the_latest_basis_with_bands_and_the_earlier_basis_dotted()
    {
        var fit = Shipped.GdpLevelShiftTrend;
        var figure = Figure(Charts.Fit(fit, Shipped.Gdp, [2025, 2026]));
        AssertEveryTraceNamed(figure);
        // Bases by name, never by the data label (census5).
        Assert.Contains("log-linear trend with a level shift for the fifth census revision", Title(figure).Replace("<br>", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Trend and bands on the latest basis (after the 5th census)", Title(figure), StringComparison.Ordinal);
        Assert.DoesNotContain("census5", Title(figure), StringComparison.Ordinal);

        // The solid and dashed lines are the trend on census5 (the latest basis), the same numbers as PredictLevels.
        var latest = TraceNamed(figure, "fitted trend, basis after the 5th census (mean level)");
        Assert.Equal(Enumerable.Range(2016, 9).Select(y => (double)y), Numbers(latest["x"]));
        Assert.Equal(fit.PredictLevels(Enumerable.Range(2016, 9).ToArray()).Levels, Numbers(latest["y"]));
        Assert.Equal("dash", (string?)TraceNamed(figure, "projected trend, basis after the 5th census (mean level)")["line"]!["dash"]);
        var prediction = TraceNamed(figure, "95 % prediction band (new observation)");
        Assert.Equal(fit.PredictLevels([2026]).PredictionIntervals[0].Upper, Numbers(prediction["y"])[^1]);

        // The first published basis over its own years, dotted: e^−d times the census5 line (d the census5 shift).
        var original = TraceNamed(figure, "fitted trend, basis first published (mean level)");
        Assert.Equal("dot", (string?)original["line"]!["dash"]);
        Assert.Equal(Enumerable.Range(2016, 8).Select(y => (double)y), Numbers(original["x"]));
        var ratio = Numbers(original["y"]).Zip(Numbers(latest["y"])).Select(p => p.First / p.Second);
        Assert.All(ratio, r => Assert.Equal(Math.Exp(-fit.LevelShifts[0].Coefficient), r, 1e-12));

        var actuals = Traces(figure).Where(t => Name(t) == "actual: reported").ToArray();
        Assert.Contains("revised after the fifth national economic census", (string?)actuals[1]["text"]![0], StringComparison.Ordinal);
        Assert.DoesNotContain("basis", (string?)actuals[0]["text"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_of_a_level_shift_trend_on_one_basis_is_the_plain_trend_chart()
    {
        var series = Shipped.Gdp.Until(2022);
        var plain = GenericChart.toJson(Charts.Fit(series.FitLogLinearTrend(), series, [2023, 2024]));
        var shifted = GenericChart.toJson(Charts.Fit(series.FitLevelShiftTrend(), series, [2023, 2024]));
        Assert.Equal(plain, shifted);
    }

    [Fact]
    public void Fan_draws_bands_median_history_and_the_target_at_its_value()
    {
        var simulation = Shipped.Simulation;
        var figure = Figure(Charts.Fan(Shipped.Assessment, simulation));
        AssertEveryTraceNamed(figure);
        Assert.Contains("亿元", AxisTitle(figure, "yaxis"));

        var target = Trace(figure, "target level");
        Assert.All(Numbers(target["y"]), v => Assert.Equal(Shipped.Target2025.Value, v));
        Assert.Equal(6000, Shipped.Target2025.Value); // data file: 600 billion RMB = 6000 亿元
        Assert.Contains(Html.ShortSource(Shipped.Target2025.Source), Name(target));
        // Its label above the line's left end (the history runs below it there), not at the star among the paths.
        Assert.Equal(["target 6,000 亿元 (2025)", ""], ((JsonArray)target["text"]!).Select(t => (string?)t));
        var star = Trace(figure, "target 6,000 亿元 (2025)"); // at the precision published, with its unit
        Assert.Equal("star", Symbol(star));
        Assert.Equal([2025.0], Numbers(star["x"]));

        // Bands and median are the simulation's quantiles, starting from the last observation.
        var median = Numbers(Trace(figure, "median path")["y"]);
        var last = Shipped.Revenue.Points[^1];
        Assert.Equal(last.Value, median[0]);
        Assert.Equal(simulation.Fan.Select(f => f.Levels[3]), median.Skip(1));
        Assert.Equal(simulation.Fan.Select(f => f.Levels[6]), Numbers(TraceNamed(figure, "90 % of paths (5–95 %)")["y"]).Skip(1));
        Assert.Equal(simulation.Fan.Select(f => f.Levels[2]), Numbers(TraceNamed(figure, "50 % of paths (25–75 %) (lower)")["y"]).Skip(1));
        Assert.Equal("circle", Symbol(TraceNamed(figure, "observed: reported")));
        Assert.Equal("diamond-open", Symbol(TraceNamed(figure, "observed: derived")));
    }

    [Fact]
    public void Fan_without_fan_quantiles_says_how_to_get_them()
    {
        var plain = Shipped.Assessment.Simulate(Shipped.Walk, new MonteCarloOptions { Paths = 1000 });
        var e = Assert.Throws<ArgumentException>(() => Charts.Fan(Shipped.Assessment, plain));
        Assert.Contains("StandardFan", e.Message);
    }

    [Fact]
    public void Sensitivity_is_a_heat_map_of_the_grid_margins_centred_on_zero()
    {
        double[] rates = [0.04, 0.06, 0.08, 0.10, 0.12];
        double[] factors = [0.9, 1.0, 1.1];
        var grid = Shipped.Assessment.Sensitivity(rates, factors);
        var figure = Figure(Charts.Sensitivity(grid, Shipped.Target2025));
        AssertEveryTraceNamed(figure);
        var heat = Assert.Single(Traces(figure));
        Assert.Equal("heatmap", (string?)heat["type"]);
        Assert.Equal(0.0, (double)heat["zmid"]!);
        // The grid's own rates, as equal categories labelled with their values.
        Assert.Equal(["4.0 %", "6.0 %", "8.0 %", "10.0 %", "12.0 %"], ((JsonArray)heat["x"]!).Select(v => (string)v!));
        Assert.Equal("category", (string?)figure["layout"]!["xaxis"]!["type"]);
        // The grid's own factors, as equal categories written to two decimals (not "0.9, 1, 1.1" from a numeric axis).
        Assert.Equal(["0.90", "1.00", "1.10"], ((JsonArray)heat["y"]!).Select(v => (string)v!));
        Assert.Equal("category", (string?)figure["layout"]!["yaxis"]!["type"]);
        var z = ((JsonArray)heat["z"]!).Select(Numbers).ToArray();
        Assert.Equal(grid.MarginPercent.Length, z.Length);
        for (var i = 0; i < z.Length; i++)
        {
            Assert.Equal(grid.MarginPercent[i], z[i]);
        }

        // Independent check of one cell from the data: 4758.7 (2021) grown 8 % a year for 4 years, against 6000.
        Assert.Equal(100 * ((4758.7 * Math.Pow(1.08, 4) / 6000) - 1), z[1][2], 9);
        Assert.Equal("+7.9 %", (string?)heat["text"]![1]![2]); // 6474.2 ÷ 6000 − 1, written in each cell
        Assert.StartsWith("−", (string?)heat["text"]![0]![0]); // 4758.7 × 0.9 × 1.04⁴ = 5010.3 < 6000, with a true minus sign
        Assert.Contains("growth", AxisTitle(figure, "xaxis"));
        Assert.Contains("baseline", AxisTitle(figure, "yaxis"));
    }

    [Fact]
    public void FirstCrossing_has_a_bar_per_year_and_one_for_not_by_the_horizon()
    {
        var simulation = Shipped.Simulation;
        var figure = Figure(Charts.FirstCrossing(simulation));
        AssertEveryTraceNamed(figure);
        var traces = Traces(figure);
        Assert.Equal(2, traces.Length);
        Assert.All(traces, t => Assert.Equal("bar", (string?)t["type"]));
        var years = traces[0];
        Assert.Equal(simulation.FirstCrossing.Select(f => f.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), ((JsonArray)years["x"]!).Select(v => (string)v!));
        Assert.Equal(simulation.FirstCrossing.Select(f => 100 * f.Probability), Numbers(years["y"]));
        Assert.Equal(["not by 2028"], ((JsonArray)traces[1]["x"]!).Select(v => (string)v!));
        Assert.Equal(100 * simulation.NotCrossedByHorizon, Numbers(traces[1]["y"])[0]);

        // Shares of all paths: they add up to 100 %.
        Assert.Equal(100, Numbers(years["y"]).Sum() + Numbers(traces[1]["y"]).Sum(), 9);
    }

    [Fact]
    public void Scenarios_draws_each_path_and_the_target()
    {
        var scenarios = Shipped.Assessment.Evaluate([GrowthScenario.Constant("5 % a year", 0.05), GrowthScenario.Constant("10 % a year", 0.10)]);
        var figure = Figure(Charts.Scenarios(scenarios, Shipped.Target2025));
        AssertEveryTraceNamed(figure);
        Assert.Equal(4, Traces(figure).Length);
        var slow = Trace(figure, "5 % a year");
        Assert.Equal([2021.0, 2022, 2023, 2024, 2025], Numbers(slow["x"]));
        Assert.Equal(4758.7, Numbers(slow["y"])[0]);
        Assert.Equal(4758.7 * Math.Pow(1.05, 4), Numbers(slow["y"])[^1], 9);
        Assert.Contains("not met", Name(slow)); // 4758.7 × 1.05⁴ = 5784.3 < 6000
        Assert.Contains("(met", Name(Trace(figure, "10 % a year"))); // 4758.7 × 1.1⁴ = 6967.2
        Assert.All(Numbers(Trace(figure, "target level")["y"]), v => Assert.Equal(6000, v));
    }

    [Fact]
    public void Text_from_the_data_is_escaped_in_names_and_titles()
    {
        var scenarios = Shipped.Assessment.Evaluate([GrowthScenario.Constant("<b>bold</b> & co", 0.05)]);
        var json = GenericChart.toJson(Charts.Scenarios(scenarios, Shipped.Target2025));
        Assert.DoesNotContain("<b>bold", json);
        var trace = Traces(Figure(Charts.Scenarios(scenarios, Shipped.Target2025)))[0];
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &amp; co", (string)trace["name"]!); // as written for plotly.js
        Assert.Contains("<b>bold</b> & co", Name(trace)); // as shown
    }

    [Fact]
    public void Indicators_of_a_data_set_ask_for_a_zone_when_an_indicator_has_several()
    {
        var e = Assert.Throws<ArgumentException>(() => Charts.Indicators(Shipped.Data, null, "gdp"));
        Assert.Contains("Zhejiang", e.Message);
        Assert.Throws<ArgumentException>(() => Charts.Indicators(Shipped.Data, "HHZ", "no_such_indicator"));
    }

    [Fact]
    public void Chart_html_embeds_the_figure()
    {
        var html = GenericChart.toChartHTML(Charts.Indicators(Shipped.Revenue));
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("by year, by status", html);
    }

    [Fact]
    public void Nowcast_draws_the_simulated_band_and_median_after_the_published_series()
    {
        var simulation = Shipped.OutlookSimulation.Value;
        var figure = Figure(Charts.Nowcast(Shipped.Outlook.Value, simulation));

        AssertEveryTraceNamed(figure);
        // The median path starts at the last published value (2021) and runs through the simulated medians.
        var median = Numbers(Trace(figure, "median path")["y"]);
        Assert.Equal(4758.7, median[0]);
        Assert.Equal(simulation.Years.Select(y => y.Levels[y.Probabilities.ToList().IndexOf(0.5)]), median.Skip(1));
        Assert.Equal([3070.0, 4758.7], Numbers(Trace(figure, "observed: reported")["y"]));
        Assert.Contains("estimated since from every related figure", Title(figure).Replace("<br>", " ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_price_curve_draws_P_against_price_growth_with_the_prior_and_both_bases()
    {
        var outlook = Shipped.Outlook.Value;
        var figure = Figure(Charts.PriceCurve(outlook));

        AssertEveryTraceNamed(figure);
        Assert.Equal(outlook.PriceCurve.Select(c => c.Probability), Numbers(Trace(figure, "P(met), weighing both revenue bases")["y"]));
        Assert.Equal(outlook.PriceCurve.Select(c => c.OriginalBasis), Numbers(Trace(figure, "P(met) if revenue stays on its original basis")["y"]));
        Assert.Equal(outlook.PriceCurve.Select(c => c.RevisedBasis), Numbers(Trace(figure, "P(met) if revenue moves with the census revision")["y"]));
        // Whole percents a year from at or below the prior's 1 % quantile to at or above its 99 % (so over the prior's
        // central 90 % and more), 0 among them.
        var x = Numbers(Trace(figure, "P(met), weighing both revenue bases")["x"]).ToArray();
        var prior = outlook.PricePrior!;
        Assert.True(x[0] <= 100 * (Math.Exp(prior.Quantile(0.01)) - 1) + 1e-9 && x[^1] >= 100 * (Math.Exp(prior.Quantile(0.99)) - 1) - 1e-9);
        Assert.All(x.Zip(x.Skip(1)), p => Assert.Equal(1.0, p.Second - p.First, 1e-9));
        Assert.Contains(x, v => Math.Abs(v) < 1e-9);
        var names = string.Join("|", Traces(figure).Select(Name));
        Assert.Contains("the prior's weight on each price growth", names);
        Assert.Contains("its weight given all the evidence", names);
    }

    [Fact]
    public void A_long_y_title_is_wrapped_to_lines_the_plot_can_hold_and_the_axis_takes_its_margin()
    {
        // Count and percent on one axis: the title says each entry names its unit, longer than one line can hold.
        var figure = Figure(Charts.Indicators(Shipped.Data, "HHZ", "national_high_tech_enterprises", "core_digital_added_value_share_of_gdp"));

        var lines = AxisTitle(figure, "yaxis").Split("<br>");
        Assert.True(lines.Length > 1);
        Assert.All(lines, l => Assert.True(System.Net.WebUtility.HtmlDecode(l).Length <= 48, l)); // characters shown, not their escapes
        Assert.True((bool)figure["layout"]!["yaxis"]!["automargin"]!);
    }
}
