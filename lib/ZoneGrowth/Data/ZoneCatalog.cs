using ZoneGrowth.Data.Reading;

namespace ZoneGrowth.Data;

/// <summary>
/// The zone catalog: the areas data files name, with the area each lies in (HHZ in Hangzhou,
/// Hangzhou in Zhejiang). The data check uses it to refuse a level of a zone above its city's or
/// province's; the price prior of the target outlook compares a zone with its province. A zone a data
/// file names that the catalog lacks has no known parent: nothing is checked or compared for it.
/// </summary>
public sealed class ZoneCatalog
{
    /// <summary>The catalog's columns that must be present.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["zone", "name_zh", "name_en"];

    /// <summary>The catalog's columns that may be present.</summary>
    public static IReadOnlyList<string> OptionalColumns { get; } = ["parent", "kind"];

    /// <summary>The file name the catalog has beside the indicator catalog.</summary>
    public const string FileName = "zones.csv";

    private readonly Dictionary<string, ZoneDefinition> _byId;

    private ZoneCatalog(string? file, IReadOnlyList<ZoneDefinition> zones)
    {
        File = file;
        Zones = zones;
        _byId = zones.ToDictionary(z => z.Id, StringComparer.Ordinal);
    }

    /// <summary>An empty catalog: no zone has a known parent.</summary>
    public static ZoneCatalog Empty { get; } = new(null, []);

    /// <summary>The file the catalog was read from; null for <see cref="Empty"/>.</summary>
    public string? File { get; }

    /// <summary>Every zone, in file order.</summary>
    public IReadOnlyList<ZoneDefinition> Zones { get; }

    /// <summary>Finds a zone by id.</summary>
    public bool TryGet(string id, out ZoneDefinition zone) => _byId.TryGetValue(id, out zone!);

    /// <summary>The zones that contain <paramref name="id"/>, nearest first (HHZ: Hangzhou, then Zhejiang); empty for an unknown zone.</summary>
    public IReadOnlyList<ZoneDefinition> Ancestors(string id)
    {
        var result = new List<ZoneDefinition>();
        for (var zone = TryGet(id, out var z) ? z : null; zone is not null && zone.Parent.Length > 0 && TryGet(zone.Parent, out var parent); zone = parent)
        {
            result.Add(parent);
        }

        return result;
    }

    /// <summary>The outermost zone containing <paramref name="id"/> (its province for a district); null when it has no known parent.</summary>
    public ZoneDefinition? Province(string id) => Ancestors(id) is { Count: > 0 } ancestors ? ancestors[^1] : null;

    /// <summary>
    /// Reads the zone catalog that sits beside an indicator catalog (<see cref="FileName"/> in the same
    /// folder); <see cref="Empty"/> when there is none.
    /// </summary>
    internal static ZoneCatalog ReadBeside(string indicatorCatalog, List<ValidationIssue> issues)
    {
        var path = Path.Combine(Path.GetDirectoryName(WorkbookPaths.Resolve(indicatorCatalog)) ?? ".", FileName);
        return System.IO.File.Exists(path) ? Read(path, issues) : Empty;
    }

    internal static ZoneCatalog Read(string path, List<ValidationIssue> issues)
    {
        var table = TableReader.Read(path);
        issues.AddRange(table.ReadIssues);
        var map = ColumnMap.Create(table, RequiredColumns, OptionalColumns, issues);
        var zones = new List<ZoneDefinition>();
        var firstLine = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        if (!map.IsComplete)
        {
            return new ZoneCatalog(path, zones);
        }

        foreach (var row in table.Rows)
        {
            if (!map.CheckWidth(row, issues))
            {
                continue;
            }

            var reader = new RowReader(map, row, issues);
            var id = reader.Required("zone");
            var chinese = reader.Required("name_zh");
            var english = reader.Required("name_en");
            if (id is not null && !firstLine.TryAdd(id, reader.Locate("zone")))
            {
                reader.Report("zone", DataMessages.DuplicateZoneRule(firstLine[id]), DataMessages.DuplicateZoneAdvice);
            }

            if (!reader.HasIssues)
            {
                zones.Add(new ZoneDefinition(id!, chinese!, english!, reader.Text("parent"), reader.Text("kind")));
            }
        }

        var known = zones.ToDictionary(z => z.Id, StringComparer.Ordinal);
        foreach (var zone in zones.Where(z => z.Parent.Length > 0))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { zone.Id };
            var parent = zone.Parent;
            string? rule = null;
            while (parent.Length > 0 && rule is null)
            {
                if (!known.TryGetValue(parent, out var next))
                {
                    rule = DataMessages.UnknownParentRule(parent);
                }
                else if (!seen.Add(parent))
                {
                    rule = DataMessages.ParentCycleRule(zone.Id);
                }
                else
                {
                    parent = next.Parent;
                }
            }

            if (rule is not null)
            {
                issues.Add(new ValidationIssue(firstLine[zone.Id] with { ColumnName = "parent", Column = string.Empty }, zone.Parent, rule, DataMessages.ParentAdvice));
            }
        }

        return new ZoneCatalog(path, zones);
    }
}
