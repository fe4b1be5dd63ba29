using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ZoneGrowth.Notebooks.Reports;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>Runs fixture notebooks once per test process and shares the results between tests.</summary>
internal static class Notebooks
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<(NotebookRunResult Run, ChartImageResult? Images)>>> Cache = new();

    public static string OutputRoot { get; } = Path.Combine(Path.GetTempPath(), "zonegrowth-notebooks-tests", Guid.NewGuid().ToString("N"));

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Runs a fixture (cached by fixture, key and timeout) and returns its result.</summary>
    public static async Task<NotebookRunResult> Run(string fixture, IReadOnlyDictionary<string, string>? parameters = null, string key = "", TimeSpan? timeout = null) =>
        (await RunWithImages(fixture, parameters, key, timeout).ConfigureAwait(false)).Run;

    /// <summary>Runs a fixture (cached by fixture, key and timeout) and returns its result and the run's chart pictures.</summary>
    public static Task<(NotebookRunResult Run, ChartImageResult? Images)> RunWithImages(string fixture, IReadOnlyDictionary<string, string>? parameters = null, string key = "", TimeSpan? timeout = null)
    {
        var cacheKey = $"{fixture}|{key}|{timeout}";
        return Cache.GetOrAdd(cacheKey, _ => new Lazy<Task<(NotebookRunResult, ChartImageResult?)>>(() =>
            RunOne(Fixture(fixture), Path.Combine(OutputRoot, $"{Path.GetFileNameWithoutExtension(fixture)}{(key.Length > 0 ? "-" + key : "")}"), parameters,
                timeout is { } t ? new NotebookRunnerOptions { CellTimeout = t } : null))).Value;
    }

    /// <summary>
    /// Runs one notebook the one way a notebook runs, <see cref="NotebookPipeline"/>, into a folder of its own (the
    /// executed notebook, its page, <c>index.html</c> and <c>results.json</c>); returns the notebook's result and the
    /// run's chart pictures. The plan must have no problems (those are tested on <see cref="NotebookRunPlan"/>).
    /// </summary>
    public static async Task<(NotebookRunResult Run, ChartImageResult? Images)> RunOne(
        string notebook, string folder, IReadOnlyDictionary<string, string>? parameters = null, NotebookRunnerOptions? options = null,
        IProgress<NotebookProgress>? progress = null, CancellationToken cancellationToken = default, bool chartImages = true, string? chromiumPath = null)
    {
        var plan = NotebookRunPlan.Create([notebook], parameters ?? new Dictionary<string, string>());
        Assert.Empty(plan.Problems);
        var run = await new NotebookPipeline(new NotebookPipelineOptions(folder) { Runner = options ?? new NotebookRunnerOptions(), ChartImages = chartImages, ChromiumPath = chromiumPath })
            .RunAsync(plan, progress, cancellationToken).ConfigureAwait(false);
        return (Assert.Single(run.Notebooks).Run, run.ChartImages);
    }

    public static JsonObject Read(NotebookRunResult result)
    {
        Assert.NotNull(result.OutputPath);
        return (JsonObject)JsonNode.Parse(File.ReadAllText(result.OutputPath!))!;
    }

    public static JsonObject[] Cells(JsonObject notebook) => ((JsonArray)notebook["cells"]!).Cast<JsonObject>().ToArray();

    public static JsonObject[] Outputs(JsonObject cell) => ((JsonArray)cell["outputs"]!).Cast<JsonObject>().ToArray();

    public static string Text(JsonNode? multiline) => multiline switch
    {
        JsonArray a => string.Concat(a.Select(l => (string?)l)),
        JsonValue v => (string)v!,
        _ => "",
    };

    /// <summary>All text of all outputs of a notebook (stream text, every mime value, error fields).</summary>
    public static string AllOutputText(JsonObject notebook) =>
        string.Join("\n", Cells(notebook).Where(c => c["outputs"] is JsonArray).SelectMany(Outputs).Select(o => o.ToJsonString()));

    public static string Describe(NotebookRunResult result) =>
        $"succeeded={result.Succeeded} setup={result.SetupError} failure={result.Failure}";
}
