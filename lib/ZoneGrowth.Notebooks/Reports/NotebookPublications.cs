using System.Text.Json;
using System.Text.Json.Nodes;
using ZoneGrowth.Data;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// What an executed notebook published through its outputs: key figures and the data files it read, read with
/// <see cref="PublicationContract"/> (the contract <c>ZoneGrowth.Display.Results</c> writes with) from every display
/// output whose mime bundle holds <see cref="PublicationContract.ResultMimeType"/> or
/// <see cref="PublicationContract.DataFileMimeType"/> (a JSON object, or its text as another front end stores it).
/// </summary>
/// <param name="Results">Key figures in output order; a name published twice keeps its last value, in the place of the first.</param>
/// <param name="DataFiles">Data files in output order; the same path and hash published twice is listed once.</param>
/// <param name="Problems">Outputs with one of the two mime types that do not follow the contract (each with its cell number).</param>
public sealed record NotebookPublications(
    IReadOnlyList<PublishedResult> Results,
    IReadOnlyList<DataFileInfo> DataFiles,
    IReadOnlyList<string> Problems)
{
    /// <summary>Nothing published.</summary>
    public static NotebookPublications Empty { get; } = new([], [], []);

    /// <summary>Scans every output of every code cell for the two publication mime types.</summary>
    /// <param name="notebook">The executed notebook's JSON.</param>
    public static NotebookPublications Collect(JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var results = new List<PublishedResult>();
        var resultIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = new List<DataFileInfo>();
        var problems = new List<string>();
        var cellNumber = 0;
        foreach (var cell in (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>())
        {
            cellNumber++;
            foreach (var data in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>().Select(o => o["data"]).OfType<JsonObject>())
            {
                if (Part(data, PublicationContract.ResultMimeType, cellNumber, problems) is { } resultPart)
                {
                    if (!PublicationContract.TryRead(resultPart, out PublishedResult? result, out var violations))
                    {
                        Report(violations, PublicationContract.ResultMimeType, cellNumber, problems);
                    }
                    else if (resultIndex.TryGetValue(result.Name, out var at))
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

                if (Part(data, PublicationContract.DataFileMimeType, cellNumber, problems) is { } filePart)
                {
                    if (!PublicationContract.TryRead(filePart, out DataFileInfo? file, out var violations))
                    {
                        Report(violations, PublicationContract.DataFileMimeType, cellNumber, problems);
                    }
                    else if (!files.Contains(file))
                    {
                        files.Add(file);
                    }
                }
            }
        }

        return new NotebookPublications(results, files, problems);
    }

    // The part as a JSON object: the runner stores application/*+json as JSON; another writer (dotnet-repl) stores
    // the JSON text as a string or a list of lines.
    private static JsonObject? Part(JsonObject data, string mimeType, int cell, List<string> problems)
    {
        if (!data.TryGetPropertyValue(mimeType, out var node))
        {
            return null;
        }

        if (node is JsonObject o)
        {
            return o;
        }

        try
        {
            if (node is not null && JsonNode.Parse(ReportNotebook.Text(node)) is JsonObject parsed)
            {
                return parsed;
            }
        }
        catch (JsonException)
        {
        }

        problems.Add(ReportMessages.PublicationNotAnObject(cell, mimeType));
        return null;
    }

    private static void Report(IReadOnlyList<ContractViolation> violations, string mimeType, int cell, List<string> problems) =>
        problems.AddRange(violations.Select(v => ReportMessages.PublicationField(cell, mimeType, v.Field, v.Expected)));
}
