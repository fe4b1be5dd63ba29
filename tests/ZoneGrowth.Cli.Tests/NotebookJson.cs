using System.Text.Json.Nodes;

namespace ZoneGrowth.Cli.Tests;

/// <summary>Reading executed notebooks in the tests: text values and chart outputs.</summary>
internal static class NotebookJson
{
    /// <summary>The mime type of a chart's figure.</summary>
    public const string Plotly = "application/vnd.plotly.v1+json";

    /// <summary>An nbformat text: a string, or a list of lines joined.</summary>
    public static string Text(JsonNode? node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";

    /// <summary>Every string value inside a JSON node, unescaped.</summary>
    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.SelectMany(Strings),
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    /// <summary>The chart outputs (those holding a figure) of an executed notebook file.</summary>
    public static JsonObject[] ChartOutputs(string notebook) =>
        ((JsonArray)JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!)
            .SelectMany(c => (JsonArray?)c!["outputs"] ?? [])
            .OfType<JsonObject>()
            .Where(o => o["data"] is JsonObject d && d.ContainsKey(Plotly))
            .ToArray();
}
