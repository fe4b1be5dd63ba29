using System.Runtime.CompilerServices;
using ZoneGrowth.Audit;
using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Nowcast;
using ZoneGrowth.Publishing;
using ZoneGrowth.Regression;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Display;

/// <summary>The one call a notebook's setup cell makes after referencing the libraries.</summary>
public static class Workbook
{
    /// <summary>
    /// Prepares the notebook: (a) checks that the library loaded was built from the sources of the
    /// clone it sits in, and stops the notebook if not; (b) installs a handler so Plotly.NET charts
    /// display in the stock .NET Interactive kernel, whose FSharp.Core (10.0.0.0) is older than the
    /// one Plotly.NET 6.0.0 asks for (10.1.0.0); (c) registers the HTML formatters of the library's
    /// result types (<see cref="Html"/>); (d) makes charts display as plotly's figure JSON and a
    /// description, which front ends draw offline, instead of Plotly.NET.Interactive's script that
    /// fetches plotly.js from a CDN (<see cref="ChartOutput"/>). Safe to call again (re-running the
    /// cell): nothing is installed twice, and the sources are checked again.
    /// </summary>
    /// <exception cref="StaleLibraryException">A source of the library changed, was added or removed
    /// since it was built; the message names the file and the command that fixes it.</exception>
    public static void Setup()
    {
        // Stops rather than warns: see LibraryFreshness.
        LibraryFreshness.ThrowIfStale();
        // Separate, non-inlined methods: this method's body references no Plotly or F# type, so
        // JIT-compiling it cannot trigger the FSharp.Core load the handler is there to answer.
        InstallAssemblyResolver();
        RegisterFormatters();
        RegisterChartOutput();
    }

    /// <summary>Whether <see cref="Setup"/> has installed the FSharp.Core handler in this process.</summary>
    public static bool IsFSharpCoreHandlerInstalled => FSharpCoreResolver.IsInstalled;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void InstallAssemblyResolver() => FSharpCoreResolver.Install();

    // References Plotly.NET's GenericChart, so only after the FSharp.Core handler is in place.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterChartOutput() => ChartOutput.Register();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterFormatters()
    {
        RegisterHtml<RegressionSummary>(Html.Of);
        RegisterHtml<LogLinearTrendResults>(Html.Of);
        RegisterHtml<LevelShiftTrendResults>(Html.Of);
        RegisterHtml<PiecewiseTrendResults>(Html.Of);
        RegisterHtml<ChowTestResult>(Html.Of);
        RegisterHtml<LevelPredictions>(Html.Of);
        RegisterHtml<DataSummary>(Html.Of);
        RegisterHtml<AuditReport>(Html.Of);
        RegisterHtml<IndicatorSeries>(Html.Of);
        RegisterHtml<RequiredGrowth>(Html.Of);
        RegisterHtml<ScenarioResult>(Html.Of);
        RegisterHtml<IEnumerable<ScenarioResult>>(Html.Of);
        RegisterHtml<SensitivityGrid>(Html.Of);
        RegisterHtml<TargetProbability>(Html.Of);
        RegisterHtml<TargetSimulation>(Html.Of);
        RegisterHtml<Prose>(Html.Of);
        RegisterHtml<IEnumerable<Observation>>(Html.Of);
        RegisterHtml<OutlookVerdict>(Html.Of);
        RegisterHtml<ZonePricePrior>(Html.Of);
        RegisterHtml<RevisionLink>(Html.Of);
        RegisterHtml<IEnumerable<OutlookCase>>(Html.Of);
        RegisterHtml<IEnumerable<VarianceShare>>(Html.Of);
        RegisterHtml<IEnumerable<ScaleParameter>>(Html.Of);
        RegisterHtml<IEnumerable<EvidenceRow>>(Html.Of);
        RegisterHtml<OutlookAttribution>(Html.Of);
        RegisterHtml<OutlookSimulation>(Html.Of);
        RegisterHtml<DataSet>(Html.Of);
        RegisterHtml<DataSetComparison>(Html.Of);
        RegisterHtml<MetricCheck>(Html.Of);
        RegisterHtml<BackTest>(Html.Of);
        RegisterHtml<RollingOrigin>(Html.Of);
        RegisterHtml<Microsoft.Data.Analysis.DataFrame>(Html.Of);
        RegisterHtml<Table>(t => t.ToHtml());
        Results.EnsureFormatters();
    }

    /// <summary>
    /// Registers <paramref name="format"/> for HTML and its text (<see cref="PlainText"/>) for <c>text/plain</c>, and makes
    /// both what a value of <typeparamref name="T"/> displays, so Jupyter's console, plain-text viewers and diffs of a
    /// notebook get the table too.
    /// </summary>
    private static void RegisterHtml<T>(Func<T, string> format)
    {
        Results.EnsureFormatter(Results.HtmlMimeType, format);
        Results.EnsureFormatter<T>(Results.PlainTextMimeType, v => PlainText.From(format(v)));
        Microsoft.DotNet.Interactive.Formatting.Formatter.SetPreferredMimeTypesFor(typeof(T), Results.HtmlMimeType, Results.PlainTextMimeType);
    }
}
