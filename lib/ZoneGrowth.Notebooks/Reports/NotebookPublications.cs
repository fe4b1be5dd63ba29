using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// What an executed notebook published through its outputs: key figures and the data files it read. This is the
/// contract with the notebooks' publishing helper: a display output whose mime bundle holds
/// <see cref="ResultMimeType"/> or <see cref="DataFileMimeType"/> with a JSON object (stored as JSON or as a JSON
/// string).
/// </summary>
/// <param name="Results">Key figures in output order; a name published twice keeps its last value, in the place of the first.</param>
/// <param name="DataFiles">Data files in output order; the same path and hash published twice is listed once.</param>
/// <param name="Problems">Outputs with one of the two mime types that do not follow the contract (each with its cell number).</param>
public sealed record NotebookPublications(
    IReadOnlyList<PublishedResult> Results,
    IReadOnlyList<PublishedDataFile> DataFiles,
    IReadOnlyList<string> Problems)
{
    /// <summary>Mime type of a published key figure.</summary>
    public const string ResultMimeType = "application/vnd.zonegrowth.result+json";

    /// <summary>Mime type of a published data file.</summary>
    public const string DataFileMimeType = "application/vnd.zonegrowth.datafile+json";

    /// <summary>Nothing published.</summary>
    public static NotebookPublications Empty { get; } = new([], [], []);

    /// <summary>Reads the publications of an executed notebook file.</summary>
    /// <param name="executedNotebookPath">An .ipynb with outputs.</param>
    public static NotebookPublications FromFile(string executedNotebookPath) =>
        Collect(ReportNotebook.Load(executedNotebookPath));

    /// <summary>Scans every output of every code cell for the two publication mime types.</summary>
    /// <param name="notebook">The executed notebook's JSON.</param>
    public static NotebookPublications Collect(JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var results = new List<PublishedResult>();
        var resultIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = new List<PublishedDataFile>();
        var problems = new List<string>();
        var cellNumber = 0;
        foreach (var cell in (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>())
        {
            cellNumber++;
            foreach (var output in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (output["data"] is not JsonObject data)
                {
                    continue;
                }

                if (data.ContainsKey(ResultMimeType))
                {
                    if (ReadResult(AsObject(data[ResultMimeType]), cellNumber, problems) is { } result)
                    {
                        if (resultIndex.TryGetValue(result.Name, out var at))
                        {
                            problems.Add(ReportMessages.DuplicateResult(cellNumber, result.Name));
                            results[at] = result;
                        }
                        else
                        {
                            resultIndex[result.Name] = results.Count;
                            results.Add(result);
                        }
                    }
                }

                if (data.ContainsKey(DataFileMimeType) && ReadDataFile(AsObject(data[DataFileMimeType]), cellNumber, problems) is { } file && !files.Contains(file))
                {
                    files.Add(file);
                }
            }
        }

        return new NotebookPublications(results, files, problems);
    }

    // The runner stores application/*+json as JSON; another writer may have stored the JSON text as a string.
    private static JsonObject? AsObject(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            return o;
        }

        var text = node is null ? null : ReportNotebook.Text(node);
        try
        {
            return text is null ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PublishedResult? ReadResult(JsonObject? o, int cell, List<string> problems)
    {
        const string mime = ResultMimeType;
        if (o is null)
        {
            problems.Add(ReportMessages.PublicationNotAnObject(cell, mime));
            return null;
        }

        var key = Text(o, "notebook_key");
        var name = Text(o, "name");
        var value = Number(o, "value");
        var (lowOk, low) = OptionalNumber(o, "low");
        var (highOk, high) = OptionalNumber(o, "high");
        var missing = new List<(string Field, string Expected)>();
        if (string.IsNullOrEmpty(key)) missing.Add(("notebook_key", "a non-empty string"));
        if (string.IsNullOrEmpty(name)) missing.Add(("name", "a non-empty string"));
        if (value is null) missing.Add(("value", "a number"));
        if (!lowOk) missing.Add(("low", "a number or null"));
        if (!highOk) missing.Add(("high", "a number or null"));
        foreach (var (field, expected) in missing)
        {
            problems.Add(ReportMessages.PublicationField(cell, mime, field, expected));
        }

        return missing.Count > 0 ? null : new PublishedResult(key!, name!, value!.Value, low, high, Text(o, "unit") ?? "", Text(o, "description") ?? "");
    }

    private static PublishedDataFile? ReadDataFile(JsonObject? o, int cell, List<string> problems)
    {
        const string mime = DataFileMimeType;
        if (o is null)
        {
            problems.Add(ReportMessages.PublicationNotAnObject(cell, mime));
            return null;
        }

        var path = Text(o, "path");
        var sha = Text(o, "sha256");
        var rows = Number(o, "rows");
        var ok = true;
        if (string.IsNullOrEmpty(path))
        {
            problems.Add(ReportMessages.PublicationField(cell, mime, "path", "a non-empty string"));
            ok = false;
        }

        if (string.IsNullOrEmpty(sha))
        {
            problems.Add(ReportMessages.PublicationField(cell, mime, "sha256", "a hexadecimal string"));
            ok = false;
        }

        if (rows is not { } r || r < 0 || r != Math.Floor(r))
        {
            problems.Add(ReportMessages.PublicationField(cell, mime, "rows", "an integer >= 0"));
            ok = false;
        }

        return ok ? new PublishedDataFile(path!, sha!.ToLowerInvariant(), (long)rows!.Value) : null;
    }

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    // A node parsed from text holds a JsonElement, one built in memory holds the CLR value (int, long...):
    // reading the JSON text works for both.
    private static double? Number(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static (bool Ok, double? Value) OptionalNumber(JsonObject o, string name) =>
        o[name] switch
        {
            null => (true, null), // absent or JSON null
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => (true, Number(o, name)),
            _ => (false, null),
        };
}
