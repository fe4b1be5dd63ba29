using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>Runs fixture notebooks once per test process and shares the results between tests.</summary>
internal static class Notebooks
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<NotebookRunResult>>> Cache = new();

    public static string OutputRoot { get; } = Path.Combine(Path.GetTempPath(), "zonegrowth-notebooks-tests", Guid.NewGuid().ToString("N"));

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Runs a fixture (cached by fixture, key and timeout) and returns the result.</summary>
    public static Task<NotebookRunResult> Run(string fixture, IReadOnlyDictionary<string, string>? parameters = null, string key = "", TimeSpan? timeout = null)
    {
        var cacheKey = $"{fixture}|{key}|{timeout}";
        return Cache.GetOrAdd(cacheKey, _ => new Lazy<Task<NotebookRunResult>>(() =>
        {
            var output = Path.Combine(OutputRoot, $"{Path.GetFileNameWithoutExtension(fixture)}{(key.Length > 0 ? "-" + key : "")}.ipynb");
            var runner = new NotebookRunner(timeout is { } t ? new NotebookRunnerOptions { CellTimeout = t } : null);
            return runner.RunAsync(new NotebookRunRequest(Fixture(fixture), output, parameters));
        })).Value;
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
