using ZoneGrowth.Data.Reading;

namespace ZoneGrowth.Data;

/// <summary>
/// How the indicators relate, one row a relation (<c>relations.csv</c> beside the catalog; the workbook ships
/// <c>data/relations.csv</c>, which a catalog folder without one uses as far as its indicators exist): revenue ≈ a
/// drifting ratio × core added value; core added value = a drifting share × GDP. Following the relations from an
/// indicator leads down a chain to a root (GDP), whose nominal level grows at its real growth times prices and is
/// moved by census revisions. The target outlook reads every figure of every indicator on the chain, and the
/// growth indicators the catalog names for them, through these relations: no indicator is special-cased in code.
/// </summary>
public sealed class RelationTable
{
    /// <summary>The file name looked for beside the catalog.</summary>
    public const string FileName = "relations.csv";

    /// <summary>The columns that must be present.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["indicator", "relation", "to"];

    /// <summary>The columns that may be present.</summary>
    public static IReadOnlyList<string> OptionalColumns { get; } = ["share_indicator", "note"];

    private static readonly (string Text, RelationKind Kind)[] KindWords = [("ratio", RelationKind.Ratio), ("share", RelationKind.Share)];

    private readonly Dictionary<string, IndicatorRelation> _byIndicator;

    private RelationTable(string? file, IReadOnlyList<IndicatorRelation> relations)
    {
        File = file;
        Relations = relations;
        _byIndicator = relations.ToDictionary(r => r.Indicator, StringComparer.Ordinal);
    }

    /// <summary>A table with no relation.</summary>
    public static RelationTable Empty { get; } = new(null, []);

    /// <summary>The file read; null for <see cref="Empty"/>.</summary>
    public string? File { get; }

    /// <summary>Every relation, in file order.</summary>
    public IReadOnlyList<IndicatorRelation> Relations { get; }

    /// <summary>The relation an indicator has to another, or null when it has none (a root, or an unrelated indicator).</summary>
    public IndicatorRelation? Of(string indicator) => _byIndicator.GetValueOrDefault(indicator);

    /// <summary>The relations from <paramref name="indicator"/> down to its root, nearest first (revenue: ratio to added value, then share of GDP); empty for a root.</summary>
    public IReadOnlyList<IndicatorRelation> Chain(string indicator)
    {
        var chain = new List<IndicatorRelation>();
        for (var relation = Of(indicator); relation is not null; relation = Of(relation.To))
        {
            chain.Add(relation);
        }

        return chain;
    }

    /// <summary>The root the chain of <paramref name="indicator"/> ends in (the indicator itself when it has no relation).</summary>
    public string Root(string indicator) => Chain(indicator) is { Count: > 0 } chain ? chain[^1].To : indicator;

    /// <summary>Reads the table beside a catalog, or the workbook's own when there is none there (its rows whose indicators the catalog lacks left out).</summary>
    internal static RelationTable ReadBeside(IndicatorCatalog catalog, List<ValidationIssue> issues)
    {
        var path = Path.Combine(Path.GetDirectoryName(WorkbookPaths.Resolve(catalog.File)) ?? ".", FileName);
        if (System.IO.File.Exists(path))
        {
            return Read(path, catalog, issues);
        }

        using var stream = typeof(RelationTable).Assembly.GetManifestResourceStream("ZoneGrowth.Data.relations.csv")
            ?? throw new InvalidOperationException(DataMessages.RelationsNotEmbedded);
        var shipped = Path.Combine(Path.GetTempPath(), $"zonegrowth-relations-{Guid.NewGuid():N}.csv");
        try
        {
            using (var file = System.IO.File.Create(shipped))
            {
                stream.CopyTo(file);
            }

            // The workbook's own relations, as far as this catalog has their indicators.
            return new RelationTable(null, Read(shipped, catalog, [], skipUnknown: true).Relations);
        }
        finally
        {
            System.IO.File.Delete(shipped);
        }
    }

    internal static RelationTable Read(string path, IndicatorCatalog catalog, List<ValidationIssue> issues, bool skipUnknown = false)
    {
        var table = TableReader.Read(path);
        issues.AddRange(table.ReadIssues);
        var map = ColumnMap.Create(table, RequiredColumns, OptionalColumns, issues);
        var relations = new List<IndicatorRelation>();
        if (!map.IsComplete)
        {
            return new RelationTable(path, relations);
        }

        var firstLine = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (!map.CheckWidth(row, issues))
            {
                continue;
            }

            var reader = new RowReader(map, row, issues);
            var indicator = reader.Required("indicator");
            var to = reader.Required("to");
            var kindText = reader.Required("relation");
            if (skipUnknown && (indicator is null || to is null || !catalog.TryGet(indicator, out _) || !catalog.TryGet(to, out _)))
            {
                continue;
            }

            var kind = RelationKind.Ratio;
            if (kindText is not null)
            {
                var match = KindWords.FirstOrDefault(w => w.Text == kindText);
                if (match.Text is null)
                {
                    reader.Report("relation", DataMessages.UnknownEnumRule("relation"), DataMessages.UnknownEnumAdvice(KindWords.Select(w => w.Text)));
                }

                kind = match.Kind;
            }

            foreach (var (column, id) in new[] { ("indicator", indicator), ("to", to) })
            {
                if (id is not null && (!catalog.TryGet(id, out var definition) || definition.Kind != IndicatorKind.Level))
                {
                    reader.Report(column, DataMessages.RelationLevelRule(id, catalog.File), DataMessages.RelationLevelAdvice);
                }
            }

            var share = reader.Text("share_indicator");
            if (share.Length > 0 && (kind != RelationKind.Share || !catalog.TryGet(share, out var shareDefinition) || shareDefinition.Kind != IndicatorKind.Share))
            {
                reader.Report("share_indicator", DataMessages.RelationShareRule(share), DataMessages.RelationShareAdvice);
            }

            if (indicator is not null && to is not null && indicator == to)
            {
                reader.Report("to", DataMessages.RelationSelfRule(indicator), DataMessages.RelationChainAdvice);
            }

            if (indicator is not null && !firstLine.TryAdd(indicator, reader.Locate("indicator")))
            {
                reader.Report("indicator", DataMessages.RelationTwiceRule(firstLine[indicator]), DataMessages.RelationChainAdvice);
            }

            if (!reader.HasIssues)
            {
                relations.Add(new IndicatorRelation(indicator!, kind, to!, share, reader.Text("note"), reader.Locate("indicator")));
            }
        }

        // A chain must end: following "to" from any indicator never comes back to one already passed.
        var byIndicator = relations.ToDictionary(r => r.Indicator, StringComparer.Ordinal);
        foreach (var relation in relations)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { relation.Indicator };
            for (var next = relation.To; byIndicator.TryGetValue(next, out var step); next = step.To)
            {
                if (!seen.Add(next))
                {
                    issues.Add(new ValidationIssue(relation.Location with { ColumnName = "to", Column = string.Empty }, relation.To, DataMessages.RelationCycleRule(relation.Indicator), DataMessages.RelationChainAdvice));
                    break;
                }
            }
        }

        return new RelationTable(path, relations);
    }
}
