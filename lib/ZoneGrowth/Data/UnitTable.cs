using System.Globalization;
using System.Reflection;
using ZoneGrowth.Data.Reading;

namespace ZoneGrowth.Data;

/// <summary>
/// The table of units a data set may use, read from <c>units.csv</c> beside the catalog (the workbook ships
/// <c>data/units.csv</c>): each unit's code, English name, dimension, exact factor to the dimension's base unit
/// (1 yuan, 1 for a count, 1 percentage point) and other spellings. An economist adds a unit by adding a row; a unit
/// that is in no row is an error that names the nearest known units, never a guess.
/// </summary>
public sealed class UnitTable
{
    /// <summary>The file name looked for beside the catalog.</summary>
    public const string FileName = "units.csv";

    /// <summary>The columns of a units file.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["code", "name_en", "dimension", "factor_to_base", "aliases"];

    private static readonly (string Text, UnitDimension Value)[] DimensionWords =
        [("money", UnitDimension.Money), ("count", UnitDimension.Count), ("percent", UnitDimension.Percent)];

    private static readonly Lazy<UnitTable> Shipped = new(ReadShipped);

    private UnitTable(string file, IReadOnlyList<Unit> units)
    {
        File = file;
        All = units;
    }

    /// <summary>The workbook's own table (data/units.csv, built into the library): what code without a catalog uses.</summary>
    public static UnitTable Default => Shipped.Value;

    /// <summary>Where the table was read from.</summary>
    public string File { get; }

    /// <summary>Every unit, in file order.</summary>
    public IReadOnlyList<Unit> All { get; }

    /// <summary>Every spelling accepted (codes and aliases).</summary>
    public IReadOnlyList<string> Spellings => All.SelectMany(u => u.Aliases.Prepend(u.Code)).ToArray();

    /// <summary>The unit with this code.</summary>
    /// <exception cref="KeyNotFoundException">No unit has the code.</exception>
    public Unit this[string code] => All.FirstOrDefault(u => u.Code == code) ?? throw new KeyNotFoundException(DataMessages.UnknownUnitInCode(code, this));

    /// <summary>Finds a unit by its code or one of its aliases (exact spelling).</summary>
    public bool TryFind(string text, out Unit unit)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = All.FirstOrDefault(u => u.Code == text || u.Aliases.Contains(text));
        unit = found ?? All[0];
        return found is not null;
    }

    /// <summary>
    /// The known units nearest to an unknown spelling, nearest first: first those whose code or an alias contains it
    /// or is contained in it (by how much longer), then those within a few edits of it (case aside). <c>亿</c> gives
    /// 亿元, 十亿元 and 万亿元; <c>percnt</c> gives percent.
    /// </summary>
    public IReadOnlyList<Unit> Nearest(string text, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0)
        {
            return [];
        }

        var scored = All
            .Select((u, order) => (Unit: u, Order: order, Score: u.Aliases.Prepend(u.Code).Select(s => Score(t, s.ToLowerInvariant())).MinBy(x => (x.Contains ? 0 : 1, x.Distance))))
            .ToList();
        if (scored.Any(x => x.Score is (true, 0)))
        {
            // The same spelling but for case: that unit alone.
            return scored.Where(x => x.Score is (true, 0)).Select(x => x.Unit).ToArray();
        }

        return scored
            .Where(x => x.Score.Contains || x.Score.Distance <= Math.Max(1, t.Length / 3))
            .OrderBy(x => x.Score.Contains ? 0 : 1).ThenBy(x => x.Score.Distance).ThenBy(x => x.Order)
            .Take(count)
            .Select(x => x.Unit)
            .ToArray();
    }

    /// <summary>Reads and validates a units file.</summary>
    /// <exception cref="DataValidationException">The file breaks the layout; every problem is listed with its line and column.</exception>
    public static UnitTable Load(string path)
    {
        var issues = new List<ValidationIssue>();
        var table = Read(path, issues);
        return issues.Count == 0 ? table : throw new DataValidationException(issues);
    }

    /// <summary>The units file beside a catalog (<see cref="FileName"/>), or the workbook's own table when there is none.</summary>
    internal static UnitTable ReadBeside(string catalogPath, List<ValidationIssue> issues)
    {
        var folder = Path.GetDirectoryName(TableReader.Split(catalogPath).File) ?? ".";
        var path = Path.Combine(folder, FileName);
        return System.IO.File.Exists(path) ? Read(path, issues) : Default;
    }

    internal static UnitTable Read(string path, List<ValidationIssue> issues)
    {
        var table = TableReader.Read(path);
        issues.AddRange(table.ReadIssues);
        var map = ColumnMap.Create(table, Columns.Take(4).ToArray(), ["aliases"], issues);
        var units = new List<Unit>();
        if (!map.IsComplete)
        {
            return new UnitTable(path, units);
        }

        var spelled = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (!map.CheckWidth(row, issues))
            {
                continue;
            }

            var reader = new RowReader(map, row, issues);
            var code = reader.Required("code");
            var name = reader.Required("name_en");
            UnitDimension? dimension = null;
            if (reader.Required("dimension") is { } dimensionText)
            {
                var match = DimensionWords.FirstOrDefault(w => w.Text == dimensionText);
                if (match.Text is null)
                {
                    reader.Report("dimension", DataMessages.UnitDimensionRule, DataMessages.UnitDimensionAdvice(DimensionWords.Select(w => w.Text)));
                }
                else
                {
                    dimension = match.Value;
                }
            }

            decimal? factor = null;
            if (reader.Required("factor_to_base") is { } factorText)
            {
                if (decimal.TryParse(factorText, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0)
                {
                    factor = f;
                }
                else
                {
                    reader.Report("factor_to_base", DataMessages.UnitFactorRule, DataMessages.UnitFactorAdvice);
                }
            }

            var aliases = reader.Text("aliases").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var spelling in aliases.Prepend(code ?? string.Empty).Where(s => s.Length > 0))
            {
                if (!spelled.TryAdd(spelling, reader.Locate(spelling == code ? "code" : "aliases")))
                {
                    reader.Report(spelling == code ? "code" : "aliases", DataMessages.DuplicateUnitRule(spelling, spelled[spelling]), DataMessages.DuplicateUnitAdvice);
                }
            }

            if (!reader.HasIssues)
            {
                units.Add(new Unit(code!, name!, dimension!.Value, factor!.Value, aliases));
            }
        }

        foreach (var dimension in DimensionWords.Where(w => units.Any(u => u.Dimension == w.Value) && !units.Any(u => u.Dimension == w.Value && u.FactorToBase == 1)))
        {
            issues.Add(new ValidationIssue(new SourceLocation(path, 1), dimension.Text, DataMessages.NoBaseUnitRule(dimension.Text), DataMessages.NoBaseUnitAdvice));
        }

        return new UnitTable(path, units);
    }

    private static UnitTable ReadShipped()
    {
        using var stream = typeof(UnitTable).Assembly.GetManifestResourceStream("ZoneGrowth.Data.units.csv")
            ?? throw new InvalidOperationException(DataMessages.UnitsNotEmbedded);
        var path = Path.Combine(Path.GetTempPath(), $"zonegrowth-units-{Guid.NewGuid():N}.csv");
        try
        {
            using (var file = System.IO.File.Create(path))
            {
                stream.CopyTo(file);
            }

            var issues = new List<ValidationIssue>();
            var table = Read(path, issues);
            return issues.Count == 0 ? new UnitTable("data/units.csv (built into the library)", table.All) : throw new DataValidationException(issues);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    // Containment first (the distance is then the difference in length), else the edit distance.
    private static (bool Contains, int Distance) Score(string a, string b)
    {
        if (a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)))
        {
            return (true, Math.Abs(a.Length - b.Length));
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return (false, previous[b.Length]);
    }
}
