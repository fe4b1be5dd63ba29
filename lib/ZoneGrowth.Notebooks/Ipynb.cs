using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoneGrowth.Notebooks;

/// <summary>
/// Reading and writing .ipynb JSON.
/// </summary>
/// <remarks>
/// System.Text.Json's node model is used instead of Microsoft.DotNet.Interactive.Documents
/// (<c>Notebook.Parse</c>/<c>ToJupyterJson</c>) because the runner must keep every cell's metadata exactly as
/// written (tags, other tools' keys), keep cell ids, write outputs with every mime type untouched and decide the
/// notebook-level metadata itself; the Documents model maps cells to its own element type and re-creates
/// metadata on the way out.
/// </remarks>
internal static class Ipynb
{
    internal static readonly JsonSerializerOptions WriteOptions = new()
    {
        // Jupyter's nbformat writes one-space indentation and sorted keys: match it so that saving the executed
        // notebook again in Jupyter or VS Code gives a small diff.
        WriteIndented = true,
        IndentSize = 1,
        // Keep '<', '>', '&', quotes and non-ASCII readable in HTML outputs (JSON stays valid).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Kernel name the .NET Interactive C# kernel uses in cell metadata.</summary>
    internal const string CSharpKernelName = "csharp";

    public static JsonObject Load(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (node is not JsonObject notebook || notebook["cells"] is not JsonArray)
        {
            throw new InvalidDataException(NotebookMessages.NotJupyter);
        }

        if (notebook["nbformat"]?.GetValue<int>() is int major && major != 4)
        {
            throw new InvalidDataException(NotebookMessages.UnsupportedNbformat(major));
        }

        return notebook;
    }

    /// <summary>The cells of a notebook, in order.</summary>
    public static IEnumerable<JsonObject> Cells(JsonObject notebook) =>
        (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>The outputs of a cell, in order.</summary>
    public static IEnumerable<JsonObject> Outputs(JsonObject cell) =>
        (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>nbformat's multiline string (a string or an array of strings) as one text; a JSON value of a mime
    /// bundle that is not text (a figure, a publication) as its JSON text.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines when lines.All(l => l is JsonValue v && v.GetValueKind() == JsonValueKind.String) =>
            string.Concat(lines.Select(l => l!.GetValue<string>())),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>Writes text as Jupyter does: one string per line, each but the last ending in '\n'.</summary>
    public static JsonArray ToLines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            array.Add(text[start..end]);
            start = end;
        }

        return array;
    }

    public static IReadOnlyList<string> Tags(JsonObject cell) =>
        cell["metadata"]?["tags"] is JsonArray tags
            ? tags.Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : "").ToList()
            : [];

    /// <summary>The kernel a code cell is meant for, from Polyglot or older dotnet_interactive metadata.</summary>
    public static string? KernelName(JsonObject cell)
    {
        var metadata = cell["metadata"] as JsonObject;
        return Str(metadata?["polyglot_notebook"]?["kernelName"]) ?? Str(metadata?["dotnet_interactive"]?["language"]);

        static string? Str(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }

    public static string Serialize(JsonObject notebook)
    {
        var json = SortKeys(notebook)!.ToJsonString(WriteOptions);
        return json.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonNode? SortKeys(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, SortKeys(p.Value)))),
        JsonArray a => new JsonArray(a.Select(SortKeys).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    public static void Save(JsonObject notebook, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, Serialize(notebook), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
