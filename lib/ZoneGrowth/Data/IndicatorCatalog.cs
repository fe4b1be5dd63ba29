using ZoneGrowth.Data.Reading;

namespace ZoneGrowth.Data;

/// <summary>
/// The indicator catalog: for each indicator id, its Chinese and English names, unit, kind, growth
/// basis and definition notes. Data files may only use indicators the catalog defines.
/// </summary>
public sealed class IndicatorCatalog
{
    /// <summary>The catalog's columns that must be present.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["indicator", "name_zh", "name_en", "unit", "kind"];

    /// <summary>The catalog's columns that may be present.</summary>
    public static IReadOnlyList<string> OptionalColumns { get; } = ["growth_basis", "family", "growth_indicator", "definition", "part_of", "short_name"];

    private static readonly (string Text, IndicatorKind Kind)[] KindWords =
        [("level", IndicatorKind.Level), ("share", IndicatorKind.Share), ("count", IndicatorKind.Count), ("growth", IndicatorKind.Growth)];

    private static readonly (string Text, GrowthBasis Basis)[] BasisWords =
        [("none", GrowthBasis.None), ("nominal", GrowthBasis.Nominal), ("real", GrowthBasis.Real)];

    private readonly Dictionary<string, IndicatorDefinition> _byId;

    private IndicatorCatalog(string file, IReadOnlyList<IndicatorDefinition> indicators, UnitTable units)
    {
        File = file;
        Units = units;
        Indicators = indicators;
        _byId = indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>The units its data may be published in: <c>units.csv</c> beside it, or the workbook's own table.</summary>
    public UnitTable Units { get; }

    /// <summary>The file the catalog was read from.</summary>
    public string File { get; }

    /// <summary>Every indicator, in file order.</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators { get; }

    /// <summary>Finds an indicator by id.</summary>
    public bool TryGet(string id, out IndicatorDefinition indicator) => _byId.TryGetValue(id, out indicator!);

    /// <summary>The indicator with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such indicator; the message lists the known ones.</exception>
    public IndicatorDefinition this[string id] =>
        _byId.TryGetValue(id, out var indicator)
            ? indicator
            : throw new KeyNotFoundException(DataMessages.UnknownIndicatorInCatalog(id, File, _byId.Keys));

    /// <summary>Reads and validates a catalog file (.csv or .xlsx).</summary>
    /// <exception cref="DataValidationException">The file breaks the catalog layout; every problem is listed.</exception>
    public static IndicatorCatalog Load(string path)
    {
        var issues = new List<ValidationIssue>();
        var catalog = Read(path, UnitTable.ReadBeside(path, issues), issues);
        return issues.Count == 0 ? catalog : throw new DataValidationException(issues);
    }

    internal static IndicatorCatalog Read(string path, UnitTable units, List<ValidationIssue> issues)
    {
        var table = TableReader.Read(path);
        issues.AddRange(table.ReadIssues);
        var map = ColumnMap.Create(table, RequiredColumns, OptionalColumns, issues);
        var indicators = new List<IndicatorDefinition>();
        var firstLine = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        if (!map.IsComplete)
        {
            return new IndicatorCatalog(path, indicators, units);
        }

        foreach (var row in table.Rows)
        {
            if (!map.CheckWidth(row, issues))
            {
                continue;
            }

            var reader = new RowReader(map, row, issues);
            var id = reader.Required("indicator");
            var chinese = reader.Required("name_zh");
            var english = reader.Required("name_en");
            Unit? unit = null;
            if (reader.Required("unit") is { } unitText)
            {
                if (units.TryFind(unitText, out var found))
                {
                    unit = found;
                }
                else
                {
                    reader.Report("unit", DataMessages.UnknownUnitRule(units), DataMessages.UnknownUnitAdvice(unitText, units));
                }
            }

            var kind = Word(reader, "kind", KindWords, required: true, IndicatorKind.Level);
            var basis = Word(reader, "growth_basis", BasisWords, required: false, GrowthBasis.None);
            if (id is not null && !firstLine.TryAdd(id, reader.Locate("indicator")))
            {
                reader.Report("indicator", DataMessages.DuplicateIndicatorRule(firstLine[id]), DataMessages.DuplicateIndicatorAdvice);
            }

            if (!reader.HasIssues)
            {
                indicators.Add(new IndicatorDefinition(
                    id!, chinese!, english!, unit!, kind, basis,
                    reader.Text("family"), reader.Text("growth_indicator"), reader.Text("definition"), reader.Text("part_of"), reader.Text("short_name")));
            }
        }

        var ids = indicators.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var indicator in indicators.Where(i => i.GrowthIndicator.Length > 0 && !ids.Contains(i.GrowthIndicator)))
        {
            var location = firstLine[indicator.Id];
            issues.Add(new ValidationIssue(location with { ColumnName = "growth_indicator", Column = string.Empty }, indicator.GrowthIndicator, DataMessages.UnknownGrowthIndicatorRule(indicator.GrowthIndicator), DataMessages.UnknownGrowthIndicatorAdvice));
        }

        var byId = indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var indicator in indicators.Where(i => i.PartOf.Length > 0))
        {
            if (!byId.TryGetValue(indicator.PartOf, out var whole) || whole.Kind != IndicatorKind.Level || indicator.Kind != IndicatorKind.Level || whole.Unit.Dimension != indicator.Unit.Dimension)
            {
                var location = firstLine[indicator.Id];
                issues.Add(new ValidationIssue(location with { ColumnName = "part_of", Column = string.Empty }, indicator.PartOf, DataMessages.PartOfRule(indicator.PartOf), DataMessages.PartOfAdvice));
            }
        }

        return new IndicatorCatalog(path, indicators, units);
    }

    private static T Word<T>(RowReader reader, string column, (string Text, T Value)[] words, bool required, T empty)
    {
        var text = reader.Text(column);
        if (text.Length == 0 && !required)
        {
            return empty;
        }

        foreach (var (word, value) in words)
        {
            if (word == text)
            {
                return value;
            }
        }

        reader.Report(column, DataMessages.UnknownEnumRule(column), DataMessages.UnknownEnumAdvice(words.Select(w => w.Text)));
        return empty;
    }
}
