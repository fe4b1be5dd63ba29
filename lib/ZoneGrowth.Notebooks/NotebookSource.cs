using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoneGrowth.Notebooks;

/// <summary>
/// A notebook read from disk once, with the parameters its cell tagged <c>parameters</c> declares. Everything after
/// (parameter typing, execution, chart images, reports, the written copy) works on this in memory; the file itself
/// is never written.
/// </summary>
public sealed class NotebookSource
{
    private NotebookSource(string path, JsonObject json, IReadOnlyList<NotebookParameter>? parameters)
    {
        Path = path;
        Json = json;
        Parameters = parameters;
    }

    /// <summary>Full path of the notebook.</summary>
    public string Path { get; }

    /// <summary>The declared parameters (first code cell tagged <c>parameters</c>), or <c>null</c> when there is no such cell.</summary>
    public IReadOnlyList<NotebookParameter>? Parameters { get; }

    /// <summary>The notebook as read; never modified (<see cref="PreparedNotebook"/> works on a copy).</summary>
    internal JsonObject Json { get; }

    /// <summary>Reads and parses a notebook file.</summary>
    /// <exception cref="InvalidDataException">The file cannot be read or is not an nbformat 4 notebook; the message
    /// names the file, what was wrong and what to do.</exception>
    public static NotebookSource Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        try
        {
            var json = Ipynb.Load(fullPath);
            var parametersCell = ((JsonArray)json["cells"]!).OfType<JsonObject>()
                .FirstOrDefault(c => (string?)c["cell_type"] == "code" && Ipynb.Tags(c).Contains(NotebookParameters.ParametersTag));
            return new NotebookSource(fullPath, json, parametersCell is null ? null : NotebookParameters.Parse(Ipynb.Text(parametersCell["source"])));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException(NotebookMessages.Unreadable(fullPath, e.Message), e);
        }
    }
}
