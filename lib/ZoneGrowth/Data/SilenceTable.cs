using ZoneGrowth.Data.Reading;

namespace ZoneGrowth.Data;

/// <summary>
/// The sources' silences (<c>silences.csv</c> beside the catalog): reviews that name no figure of an indicator
/// where one would have been worth naming (<see cref="SilenceEvidence"/>). Optional: a folder without the file has
/// none, and a zone with no row has none.
/// </summary>
public static class SilenceTable
{
    /// <summary>The file name looked for beside the catalog.</summary>
    public const string FileName = "silences.csv";

    /// <summary>The columns that must be present.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["zone", "indicator", "through_year", "mention_probability", "source"];

    /// <summary>The columns that may be present.</summary>
    public static IReadOnlyList<string> OptionalColumns { get; } = ["quote", "note"];

    /// <summary>Reads the silences beside a catalog; none when the folder has no such file.</summary>
    internal static IReadOnlyList<SilenceEvidence> ReadBeside(IndicatorCatalog catalog, List<ValidationIssue> issues)
    {
        var path = Path.Combine(Path.GetDirectoryName(WorkbookPaths.Resolve(catalog.File)) ?? ".", FileName);
        return File.Exists(path) ? Read(path, catalog, issues) : [];
    }

    internal static IReadOnlyList<SilenceEvidence> Read(string path, IndicatorCatalog catalog, List<ValidationIssue> issues)
    {
        var table = TableReader.Read(path);
        issues.AddRange(table.ReadIssues);
        var map = ColumnMap.Create(table, RequiredColumns, OptionalColumns, issues);
        var silences = new List<SilenceEvidence>();
        if (!map.IsComplete)
        {
            return silences;
        }

        var firstLine = new Dictionary<(string, string), SourceLocation>();
        foreach (var row in table.Rows)
        {
            if (!map.CheckWidth(row, issues))
            {
                continue;
            }

            var reader = new RowReader(map, row, issues);
            var zone = reader.Required("zone");
            var id = reader.Required("indicator");
            IndicatorDefinition? indicator = null;
            if (id is not null && !catalog.TryGet(id, out indicator))
            {
                reader.Report("indicator", DataMessages.UnknownIndicatorRule(catalog.File), DataMessages.UnknownIndicatorAdvice(catalog.Indicators.Select(i => i.Id)));
            }

            var year = reader.Year("through_year");
            var chance = reader.Number("mention_probability", required: true);
            if (chance is { } c && !(c >= 0 && c <= 1))
            {
                reader.Report("mention_probability", DataMessages.SilenceProbabilityRule, DataMessages.SilenceProbabilityAdvice);
            }

            var source = reader.Required("source");
            if (zone is not null && id is not null && !firstLine.TryAdd((zone, id), reader.Locate("zone")))
            {
                reader.Report("zone", DataMessages.SilenceTwiceRule(firstLine[(zone, id)]), DataMessages.SilenceTwiceAdvice);
            }

            if (!reader.HasIssues)
            {
                silences.Add(new SilenceEvidence(zone!, indicator!, year!.Value, (double)chance!.Value, source!, reader.Text("quote"), reader.Text("note"), reader.Locate("zone")));
            }
        }

        return silences;
    }
}
