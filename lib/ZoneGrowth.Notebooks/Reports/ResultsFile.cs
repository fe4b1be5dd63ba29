using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// <c>results.json</c>: what one run of the workbook published, for comparing vintages. Written with snake_case
/// names: <c>{"generated", "git": {"is_checkout", "commit", "dirty"}, "parameters": {name: value},
/// "notebooks": [{"path", "title", "question", "status", "duration_seconds", "failure", "data_files", "results", "answer"}],
/// "data_file_rows": [{"sha256", "header", "rows": [{"line", "cells"}]}], "comparison": {"against", "tolerance", "changes":
/// [{"kind", "key", "previous", "current", "description"}]} or null}</c>; each entry of <c>data_files</c> and
/// <c>results</c>, and <c>answer</c>, is the object of the publication contract
/// (<see cref="ZoneGrowth.Publishing.PublicationContract"/>). <c>data_file_rows</c> keeps each data file read, by
/// hash, so that the next vintage can name the rows that changed (<see cref="ZoneGrowth.Data.DataFileDiff"/>).
/// </summary>
/// <param name="Generated">When the run finished.</param>
/// <param name="Git">The code version.</param>
/// <param name="Parameters">Values passed on the command line (<c>--param</c>), by name, as typed JSON values: a
/// number for an <c>int</c>, <c>long</c>, <c>double</c> or <c>decimal</c> parameter, <c>true</c>/<c>false</c> for a
/// <c>bool</c>, a string otherwise (a relative path already made absolute); see
/// <see cref="NotebookParameterValue.ToJson"/>.</param>
/// <param name="Notebooks">One entry per notebook run, in run order.</param>
public sealed record ResultsFile(
    DateTimeOffset Generated,
    GitState Git,
    IReadOnlyDictionary<string, JsonNode?> Parameters,
    IReadOnlyList<ResultsFileNotebook> Notebooks)
{
    /// <summary>The rows of every data file the notebooks read (once per file content), for comparing vintages.</summary>
    public IReadOnlyList<ZoneGrowth.Data.DataFileSnapshot> DataFileRows { get; init; } = [];

    /// <summary>What moved since an earlier vintage (<c>run --compare</c>), or <c>null</c> when none was given.</summary>
    public ResultsComparison? Comparison { get; init; }

    // The publication contract's converters write each data file, figure and answer as the notebooks' outputs hold them.
    private static readonly JsonSerializerOptions Json = ZoneGrowth.Publishing.PublicationContract.RegisterConverters(new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        // A data file, not HTML: keep '<', '&' and non-ASCII readable (still valid JSON).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The file as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    /// <summary>Writes the file (UTF-8, no BOM), creating its folder.</summary>
    public void Write(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, ToJson(), new UTF8Encoding(false));
    }

    /// <summary>Reads a results file.</summary>
    /// <exception cref="InvalidDataException">The file is not a results file.</exception>
    public static ResultsFile Load(string path)
    {
        try
        {
            var file = JsonSerializer.Deserialize<ResultsFile>(File.ReadAllText(path), Json);
            return file is { Notebooks: not null, Parameters: not null, Git: not null } && file.Notebooks.All(n => n is { Results: not null, DataFiles: not null, Path: not null })
                ? file with { DataFileRows = file.DataFileRows ?? [] }
                : throw new InvalidDataException(ReportMessages.ResultsFileInvalid(path, "missing 'notebooks', 'parameters' or 'git'"));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(ReportMessages.ResultsFileInvalid(path, e.Message), e);
        }
    }
}
