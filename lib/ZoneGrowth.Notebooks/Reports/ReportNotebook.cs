using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>Reading an executed notebook for reporting (nbformat 4 JSON).</summary>
internal static class ReportNotebook
{
    public static JsonObject Load(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return node is JsonObject { } notebook && notebook["cells"] is JsonArray
            ? notebook
            : throw new InvalidDataException(ReportMessages.NotANotebook(path));
    }

    public static IEnumerable<JsonObject> Cells(JsonObject notebook) =>
        (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>();

    public static IEnumerable<JsonObject> Outputs(JsonObject cell) =>
        (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>A mime value as text: nbformat's string or list of lines; JSON values as their JSON text.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines when lines.All(l => l is JsonValue v && v.GetValueKind() == JsonValueKind.String) =>
            string.Concat(lines.Select(l => l!.GetValue<string>())),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
