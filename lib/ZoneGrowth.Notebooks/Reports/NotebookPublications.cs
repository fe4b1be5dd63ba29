using System.Text.Json;
using System.Text.Json.Nodes;
using ZoneGrowth.Data;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// What an executed notebook published through its outputs: key figures, the data files it read and its answer, read with
/// <see cref="PublicationContract"/> (the contract <c>ZoneGrowth.Display.Results</c> writes with) from every display
/// output whose mime bundle holds <see cref="PublicationContract.ResultMimeType"/>,
/// <see cref="PublicationContract.DataFileMimeType"/> or <see cref="PublicationContract.AnswerMimeType"/> (a JSON object, or its text as another front end stores it).
/// </summary>
/// <param name="Results">Key figures in output order; a name published twice keeps its last value, in the place of the first.</param>
/// <param name="DataFiles">Data files in output order; the same path and hash published twice is listed once.</param>
/// <param name="Problems">Outputs with one of the publication mime types that do not follow the contract (each with its cell number).</param>
/// <param name="Answer">The notebook's answer to its question (<see cref="PublicationContract.AnswerMimeType"/>), or <c>null</c>; a second one replaces the first, with a problem.</param>
public sealed record NotebookPublications(
    IReadOnlyList<PublishedResult> Results,
    IReadOnlyList<DataFileInfo> DataFiles,
    IReadOnlyList<string> Problems,
    PublishedAnswer? Answer = null)
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
        PublishedAnswer? answer = null;
        var cellNumber = 0;
        foreach (var cell in (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>())
        {
            cellNumber++;
            foreach (var data in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>().Select(o => o["data"]).OfType<JsonObject>())
            {
                // A figure is an object; several published together are an array of them.
                var resultParts = Part(data, PublicationContract.ResultMimeType, cellNumber, problems) switch
                {
                    JsonObject one => [one],
                    JsonArray many when many.All(n => n is JsonObject) => many.OfType<JsonObject>().ToArray(),
                    JsonArray => Reject(PublicationContract.ResultMimeType, cellNumber, problems),
                    _ => [],
                };
                foreach (var resultPart in resultParts)
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

                if (ReadAnswer(data, cellNumber, problems) is { } read)
                {
                    if (answer is not null)
                    {
                        problems.Add(ReportMessages.SecondAnswer(cellNumber));
                    }

                    answer = read;
                }

                var fileNode = Part(data, PublicationContract.DataFileMimeType, cellNumber, problems);
                if (fileNode is JsonArray)
                {
                    Reject(PublicationContract.DataFileMimeType, cellNumber, problems);
                }
                else if (fileNode is JsonObject filePart)
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

        return new NotebookPublications(results, files, problems, answer);
    }

    private static PublishedAnswer? ReadAnswer(JsonObject data, int cell, List<string> problems)
    {
        switch (Part(data, PublicationContract.AnswerMimeType, cell, problems))
        {
            case JsonArray:
                Reject(PublicationContract.AnswerMimeType, cell, problems);
                return null;
            case JsonObject part:
                if (PublicationContract.TryRead(part, out PublishedAnswer? answer, out var violations))
                {
                    return answer;
                }

                Report(violations, PublicationContract.AnswerMimeType, cell, problems);
                return null;
            default:
                return null;
        }
    }

    private static JsonObject[] Reject(string mimeType, int cell, List<string> problems)
    {
        problems.Add(ReportMessages.PublicationNotAnObject(cell, mimeType));
        return [];
    }

    // The part as JSON (an object, or for key figures published together an array): the runner stores
    // application/*+json as JSON; another writer (dotnet-repl) stores the JSON text as a string or a list of lines.
    private static JsonNode? Part(JsonObject data, string mimeType, int cell, List<string> problems)
    {
        if (!data.TryGetPropertyValue(mimeType, out var node))
        {
            return null;
        }

        if (node is JsonObject or JsonArray && !IsLineList(node))
        {
            return node;
        }

        try
        {
            var parsed = node is null ? null : JsonNode.Parse(Ipynb.Text(node));
            if (parsed is JsonObject or JsonArray)
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

    /// <summary>Whether the node is a list of strings (JSON text stored as lines), not a JSON array of figures.</summary>
    private static bool IsLineList(JsonNode node) => node is JsonArray a && a.Count > 0 && a.All(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String);

    private static void Report(IReadOnlyList<ContractViolation> violations, string mimeType, int cell, List<string> problems) =>
        problems.AddRange(violations.Select(v => ReportMessages.PublicationField(cell, mimeType, v.Field, v.Expected)));
}
