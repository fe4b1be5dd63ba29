using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.FSharp.Core;
using ZoneGrowth.Audit;
using ZoneGrowth.Data;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Display.Tests;

/// <summary><see cref="Workbook.Setup"/>: formatters registered once, and the FSharp.Core handler.</summary>
public sealed class WorkbookTests : IDisposable
{
    public WorkbookTests() => Formatter.ResetToDefault();

    public void Dispose() => Formatter.ResetToDefault();

    [Fact]
    public void Setup_registers_the_html_of_each_result_type()
    {
        Workbook.Setup();
        var audit = ConsistencyAudit.Run(Shipped.Data);
        var scenarios = Shipped.Assessment.Evaluate([GrowthScenario.Constant("8 %", 0.08)]);
        var grid = Shipped.Assessment.Sensitivity([0.08], [1.0]);
        Assert.Equal(Html.Of(audit), audit.ToDisplayString("text/html"));
        Assert.Equal(Html.Of(Shipped.GdpTrend), Shipped.GdpTrend.ToDisplayString("text/html"));
        Assert.Equal(Html.Of(Shipped.GdpLevelShiftTrend), Shipped.GdpLevelShiftTrend.ToDisplayString("text/html"));
        Assert.Equal(Shipped.GdpTrend.Summary().ToHtml(), Shipped.GdpTrend.Summary().ToDisplayString("text/html"));
        Assert.Equal(Html.Of(Shipped.Revenue), Shipped.Revenue.ToDisplayString("text/html"));
        Assert.Equal(Html.Of(DataSummary.Of(Shipped.Data)), DataSummary.Of(Shipped.Data).ToDisplayString("text/html"));
        Assert.Equal(Html.Of(Shipped.Assessment.RequiredGrowth), Shipped.Assessment.RequiredGrowth.ToDisplayString("text/html"));
        Assert.Equal(Html.Of(scenarios[0]), scenarios[0].ToDisplayString("text/html"));
        Assert.Equal(Html.Of(scenarios), scenarios.ToDisplayString("text/html"));
        Assert.Equal(Html.Of(scenarios.ToList()), scenarios.ToList().ToDisplayString("text/html"));
        Assert.Equal(Html.Of(grid), grid.ToDisplayString("text/html"));
        Assert.Equal(Html.Of(Shipped.Simulation), Shipped.Simulation.ToDisplayString("text/html"));
        var probability = Shipped.Assessment.Probability(Shipped.Walk);
        Assert.Equal(Html.Of(probability), probability.ToDisplayString("text/html"));
        var predictions = Shipped.GdpTrend.PredictLevels([2025]);
        Assert.Equal(Html.Of(predictions), predictions.ToDisplayString("text/html"));
        var piecewise = new ZoneGrowth.Regression.PiecewiseLogLinearTrend(Shipped.Gdp.Years, Shipped.Gdp.Values, "HHZ GDP", 2020, ZoneGrowth.Regression.PiecewiseTrendForm.SeparateSegments).Fit();
        Assert.Equal(Html.Of(piecewise), piecewise.ToDisplayString("text/html"));
        Assert.Equal(Html.Of(piecewise.ChowTest!), piecewise.ChowTest!.ToDisplayString("text/html"));
        var table = new Table("t", "a").AddRow("1");
        Assert.Equal(table.ToHtml(), table.ToDisplayString("text/html"));
    }

    [Fact]
    public void Every_Html_Of_overload_is_a_registered_formatter_for_html_and_text_and_the_list_is_this_one()
    {
        Workbook.Setup();

        // What a notebook displays as a table or prose: adding a type is adding its Html.Of, and this list.
        Assert.Equal(
            [
                "DataFrame",
                "AuditReport",
                "DataFileInfo", "DataSet", "DataSetComparison", "DataSummary", "IndicatorSeries", "IEnumerable<Observation>",
                "RollingOrigin",
                "IEnumerable<EvidenceRow>", "RevisionLink", "IEnumerable<ScaleParameter>", "ZonePricePrior",
                "Prose", "PublishedAnswer", "PublishedResult", "PublishedResults",
                "ChowTestResult", "LevelPredictions", "LevelShiftTrendResults", "LogLinearTrendResults", "PiecewiseTrendResults", "RegressionSummary",
                "BackTest", "MetricCheck", "OutlookAttribution", "IEnumerable<OutlookCase>", "OutlookSimulation", "OutlookVerdict", "RequiredGrowth",
                "ScenarioResult", "IEnumerable<ScenarioResult>", "SensitivityGrid", "TargetProbability", "TargetSimulation", "IEnumerable<VarianceShare>",
            ],
            Workbook.DisplayedTypes.Select(Name));
        foreach (var type in Workbook.DisplayedTypes.Append(typeof(Table)))
        {
            Assert.Contains(Formatter.RegisteredFormatters(true), f => f.Type == type && f.MimeType == "text/html");
            Assert.Contains(Formatter.RegisteredFormatters(true), f => f.Type == type && f.MimeType == "text/plain");
        }

        static string Name(Type t) => t.IsGenericType ? $"{t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>" : t.Name;
    }

    [Fact]
    public void Setup_twice_registers_nothing_twice()
    {
        Workbook.Setup();
        var once = Formatter.RegisteredFormatters(true).Count();
        Workbook.Setup();
        Assert.Equal(once, Formatter.RegisteredFormatters(true).Count());
        Assert.True(Workbook.IsFSharpCoreHandlerInstalled);
        Assert.False(FSharpCoreResolver.Install());
    }

    [Fact]
    public void Handler_answers_any_FSharp_Core_version_with_the_loaded_one_and_nothing_else()
    {
        var loaded = typeof(FSharpOption<int>).Assembly;
        var asked = new AssemblyName("FSharp.Core, Version=99.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a");
        Assert.Same(loaded, FSharpCoreResolver.Resolve(AssemblyLoadContext.Default, asked));
        Assert.Null(FSharpCoreResolver.Resolve(AssemblyLoadContext.Default, new AssemblyName("Plotly.NET, Version=99.0.0.0")));
    }

    [Fact]
    public void After_Setup_the_runtime_itself_resolves_a_newer_FSharp_Core_to_the_loaded_one()
    {
        Workbook.Setup();
        var loaded = typeof(FSharpOption<int>).Assembly;
        var newer = new AssemblyName(loaded.FullName!) { Version = new Version(loaded.GetName().Version!.Major, loaded.GetName().Version!.Minor + 1, 0, 0) };
        Assert.Same(loaded, AssemblyLoadContext.Default.LoadFromAssemblyName(newer));
    }
}
