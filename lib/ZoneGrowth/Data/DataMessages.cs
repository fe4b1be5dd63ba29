using System.Globalization;
using System.Text;

namespace ZoneGrowth.Data;

/// <summary>
/// Every message the data layer writes, in one place: each says what was found, which rule it
/// breaks and what to do (house style: NodaTime's TextErrorMessages).
/// </summary>
internal static class DataMessages
{
    public const string MalformedCsvRule = "the line is not well-formed CSV (a quote inside an unquoted field, or a quoted field that is not closed)";
    public const string MalformedCsvAdvice = "Put a field that contains commas, quotes or line breaks in double quotes and double every quote inside it (\"\"), as Excel's \"CSV UTF-8\" export does.";
    public const string NotUtf8Rule = "the file is not valid UTF-8 text: these bytes on this line are not UTF-8";

    public const string Utf16Rule = "the file is UTF-16 text; data files are UTF-8";

    public static string Bytes(ReadOnlySpan<byte> bytes) => "bytes " + string.Join(" ", bytes.ToArray().Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
    public const string NotUtf8Advice = "Save the file as \"CSV UTF-8\" (Excel) or re-encode it to UTF-8; Chinese text saved as GBK cannot be read.";
    public const string NotXlsxAdvice = "Save the workbook from Excel as \"Excel Workbook (.xlsx)\" with the data on its first sheet; .xls and .xlsb files are not read.";
    public const string NoWorksheetRule = "the workbook has no worksheet";

    public static string NoSuchWorksheetRule(string name, IEnumerable<string> sheets) =>
        $"the workbook has no worksheet named \"{name}\" (it has: {string.Join(", ", sheets.Select(s => $"\"{s}\""))})";
    public const string UnsupportedExtensionRule = "the file type is not supported";
    public const string UnsupportedExtensionAdvice = "Give a .csv (UTF-8) or .xlsx file in the layout described in data/README.md.";
    public const string NoHeaderRule = "the file has no header row";
    public const string NumberAdvice = "Write digits with a '.' decimal point and nothing else, e.g. 1596.2: no thousands separators (1,596.2), words (约1700) or units. Say \"about\" in the status column (approximate) and put the unit in the unit column.";
    public const string YearRule = "not a plain year (four digits from 1900 to 2100)";
    public const string YearAdvice = "Write the calendar year alone, e.g. 2021 (not 2021年, FY2021 or 2021-22). A figure for a span of years takes the last year, with the span in the note.";
    public const string PublishedRule = "not a publication date (YYYY, YYYY-MM or YYYY-MM-DD)";
    public const string PublishedAdvice = "Write the source's publication date, e.g. 2022-07-27 or 2023, or leave the cell empty when it is unknown.";
    public const string NegativeRule = "a level or a count cannot be negative";
    public const string NegativeAdvice = "Check the sign; a fall belongs in the growth_pct column, not in the level.";
    public const string ShareRule = "a share must be between 0 and 100 percent";
    public const string GrowthRule = "a growth rate of −100 % or less would leave nothing (or less than nothing) of the level";

    public const string GrowthAdvice = "Write the growth rate in percent on the previous year, e.g. −2.2 for a fall of 2.2 %; a fall of the whole level is not a growth rate.";

    public const string ShareAdvice = "Write the share in percent, e.g. 78.9 for 78.9 %, not 0.789.";
    public const string CountRule = "a count must be a whole number";
    public const string CountAdvice = "Write the number of things as a whole number, e.g. 1928.";
    public const string SourceAdvice = "Write the source's address (without https:// is fine) or the document's name; add the quoted text in the quote column if you have it.";

    public static string FileNotFound(string given, string rule, string resolved) =>
        $"Data file \"{given}\" was not found: read as {rule}, it is {resolved}, which does not exist. Give a path relative to the workbook's root folder (e.g. data/hhz-indicators.csv), or an absolute path; on the command line, a path relative to the directory you type it in.";

    public static string NotXlsxRule(string detail) => $"the file is not a readable .xlsx workbook ({detail})";

    public static string MissingColumnRule(string column) => $"the required column \"{column}\" is missing";

    public static string ColumnsAdvice(IEnumerable<string> required, IEnumerable<string> optional) =>
        $"The header row names the columns: {string.Join(", ", required)} (required) and {string.Join(", ", optional)} (optional), in any order, in lower case.";

    public static string UnknownColumnRule(string column, string? suggestion) =>
        suggestion is null
            ? $"\"{column}\" is not a column of the layout"
            : $"\"{column}\" is not a column of the layout (did you mean \"{suggestion}\"?)";

    public static string DuplicateColumnRule(string column) => $"the column \"{column}\" appears twice in the header";

    public const string NoRowsRule = "the file has a header but no data rows";

    public const string NoRowsAdvice = "Add one row per published figure under the header (see data/README.md), or check that the right file was given.";

    public const string ControlCharacterRule = "the cell contains a control character (shown as \\uXXXX), which no published figure or text has";

    public const string ControlCharacterAdvice = "Remove it: it usually comes from a copy from a PDF or a damaged export. Tabs and line breaks inside quoted text are allowed.";

    public static string FormulaRule(char first) =>
        $"the text starts with '{first}', so a spreadsheet opening the file would run it as a formula";

    public const string FormulaAdvice = "Rephrase it to start with a letter or digit (write the address without a leading =, +, - or @); nothing in a data file should be evaluated.";

    public static string WrongSeparatorRule(string separator) =>
        $"the header is a single field containing a {separator}: the file seems to be {separator}-separated, and data files are comma-separated";

    public const string WrongSeparatorAdvice = "Save the file as \"CSV UTF-8 (comma delimited)\" (Excel), or replace the separator with commas; fields containing commas go in double quotes.";

    public static string ThousandsSeparatorAdvice(string number) =>
        $"\"{number}\" looks like a number written with a thousands separator, which splits it into two fields. Write it plain ({number.Replace(",", string.Empty, StringComparison.Ordinal)}), as numbers in data files have no separators.";

    public static string FieldCountRule(int found, int expected) =>
        string.Create(CultureInfo.InvariantCulture, $"the line has {found} fields but the header has {expected}");

    public const string FieldCountAdvice = "A field containing a comma must be in double quotes; check for a missing or extra field.";

    public const string NoHeaderValueRule = "a value stands in a column that has no header";
    public const string NoHeaderValueAdvice = "Give the column a header from the layout, or move the value into its column.";

    public static string EmptyRule(string column) => $"\"{column}\" must not be empty";

    public static string EmptyAdvice(string column) => column switch
    {
        "source" => SourceAdvice,
        _ => $"Fill in the {column}; see data/README.md for what it holds.",
    };

    public static string NotNumberRule(string column) => $"\"{column}\" is not a plain number";

    public static string MissingSourceRule(ObservationStatus status) =>
        status == ObservationStatus.Target
            ? "a target without a source cannot be traced"
            : $"a {status.ToText()} figure without a source cannot be traced";

    public static string UnknownIndicatorRule(string catalogFile) => $"the indicator is not in the catalog {catalogFile}";

    public static string UnknownIndicatorAdvice(IEnumerable<string> known) =>
        $"Use one of: {string.Join(", ", known)}; or add a row for the new indicator to the catalog with its names, unit and kind.";

    public static string UnknownIndicatorInCatalog(string id, string catalogFile, IEnumerable<string> known) =>
        $"Indicator \"{id}\" is not in the catalog {catalogFile}. {UnknownIndicatorAdvice(known)}";

    public static string UnknownUnitRule(UnitTable units) => $"the unit is not in the table of units ({units.File})";

    public static string UnknownUnitAdvice(string text, UnitTable units)
    {
        var nearest = units.Nearest(text);
        var guess = nearest.Count == 0 ? string.Empty : $"Did you mean {string.Join(" or ", nearest.Select(u => $"{u.Code} ({u.EnglishName})"))}? ";
        return guess + $"The known units are {string.Join(", ", units.All.Select(u => u.Code))} (and the other spellings listed in {units.File}). A new unit is a row of that file: its code, English name, dimension (money, count or percent) and its factor to the base unit (1 yuan, 1 for a count, 1 percentage point).";
    }

    public static string UnknownUnitInCode(string text, UnitTable units) =>
        $"Unit \"{text}\" is not in the table of units. {UnknownUnitAdvice(text, units)}";

    public const string RelationsNotEmbedded = "The library was built without data/relations.csv; rebuild it with `dotnet build ZoneGrowth.slnx`.";

    public static string RelationLevelRule(string id, string catalogFile) => $"\"{id}\" is not an indicator of kind level in the catalog {catalogFile}";

    public const string RelationLevelAdvice = "A relation ties two level indicators of the catalog (e.g. digital_economy_revenue to core_digital_added_value): name level indicators, or add them to the catalog.";

    public static string RelationShareRule(string id) => $"share_indicator \"{id}\" is not an indicator of kind share, or the relation is not a share";

    public const string RelationShareAdvice = "Name the catalog indicator that publishes the share in percent (e.g. core_digital_added_value_share_of_gdp) on a row whose relation is share, or leave the cell empty.";

    public static string RelationSelfRule(string id) => $"\"{id}\" is related to itself";

    public static string RelationTwiceRule(SourceLocation first) =>
        string.Create(CultureInfo.InvariantCulture, $"the indicator already has a relation on line {first.Line}; an indicator is tied to one other");

    public static string RelationCycleRule(string id) => $"following the relations from {id} comes back to an indicator already passed: a chain of relations must end in a root (GDP)";

    public const string RelationChainAdvice = "Give each indicator at most one relation, to an indicator nearer the root (revenue → core added value → GDP).";

    public const string SilenceProbabilityRule = "mention_probability must be a probability between 0 and 1";

    public const string SilenceProbabilityAdvice = "Write the chance that the source would have named the figure had it reached the target: 0 if silence says nothing, 1 if it would surely have been named, 0.5 for no view either way.";

    public static string SilenceTwiceRule(SourceLocation first) =>
        string.Create(CultureInfo.InvariantCulture, $"the zone and indicator already have a silence on line {first.Line}");

    public const string SilenceTwiceAdvice = "Keep one row per zone and indicator: the source that covers the latest year.";

    public const string UnitsNotEmbedded = "The library was built without data/units.csv; rebuild it with `dotnet build ZoneGrowth.slnx`.";

    public const string UnitDimensionRule = "the dimension is not one of the known dimensions";

    public static string UnitDimensionAdvice(IEnumerable<string> known) => $"Write one of: {string.Join(", ", known)}.";

    public const string UnitFactorRule = "the factor to the base unit is not a positive number";

    public const string UnitFactorAdvice = "Write how many base units one of this unit is, in digits with a '.' for decimals: 100000000 for 亿元 (base: 1 yuan), 1 for a count or a percentage point.";

    public static string DuplicateUnitRule(string spelling, SourceLocation first) => $"the spelling \"{spelling}\" is already a unit's code or alias (line {first.Line})";

    public const string DuplicateUnitAdvice = "Give every spelling to one unit only, so that a data file's unit is never ambiguous.";

    public static string NoBaseUnitRule(string dimension) => $"no unit of the dimension {dimension} has the factor 1 (its base unit)";

    public const string NoBaseUnitAdvice = "Give each dimension one unit with factor_to_base 1 (元 for money, count, percent), against which the others are defined.";

    public static string IncompatibleUnitRule(Unit found, IndicatorDefinition indicator) =>
        $"the unit measures {Describe(found.Dimension)} but {indicator.Id} is measured in {indicator.Unit.Code} ({Describe(indicator.Unit.Dimension)})";

    public static string IncompatibleUnitAdvice(IndicatorDefinition indicator, UnitTable units) =>
        $"Give the value in a unit of {Describe(indicator.Unit.Dimension)}: {string.Join(", ", units.All.Where(u => u.Dimension == indicator.Unit.Dimension).Select(u => u.Code))}.";

    public static string TooLargeToConvertRule(Unit found, IndicatorDefinition indicator) =>
        $"the value in {found.Code} is too large to be converted to {indicator.Unit.Code}, the unit {indicator.Id} is measured in (numbers are held to about 7.9 × 10^28)";

    public const string TooLargeAdvice = "Check the figure and its unit against the source: no published figure is this large. Write the number as published, in the unit it was published in (e.g. 2887.8 with 亿元).";

    public static string ConversionOverflow(decimal value, Unit from, Unit to) =>
        string.Create(CultureInfo.InvariantCulture, $"{value} {from.Code} cannot be converted to {to.Code}: the result is beyond about 7.9 × 10^28, the largest number a conversion holds. Check the value and its unit.");

    public static string IncompatibleUnits(Unit from, Unit to) =>
        $"Cannot convert {from.Code} ({Describe(from.Dimension)}) to {to.Code} ({Describe(to.Dimension)}): they measure different things.";

    public const string UnknownStatusRule = "the status is not one of the known status words";

    public static string UnknownStatusAdvice() =>
        $"Use one of: {string.Join(", ", ObservationStatusText.All)} (lower case). See data/README.md for what each means.";

    public const string UnknownPeriodRule = "the period is not one of the known period words";

    public static string UnknownPeriodAdvice() =>
        $"Use one of: year, Q1, H1, Q1-Q3 or M1-Mn (January to month n, e.g. M1-M8), or leave the cell empty for a whole year. Q1, H1 and Q1-Q3 are year-to-date figures (一季度, 上半年, 前三季度).";

    public const string BasisRule = "the basis is not a short label of lower-case letters, digits and hyphens";

    public const string BasisAdvice = "Leave the cell empty for the basis the figure was first published on, or name the revised basis, e.g. census5 for figures revised after the fifth national economic census.";

    public static string UnknownEnumRule(string column) => $"\"{column}\" is not one of the known words";

    public static string UnknownEnumAdvice(IEnumerable<string> words) => $"Use one of: {string.Join(", ", words)}.";

    public static string DuplicateRule(SourceLocation first) =>
        string.Create(CultureInfo.InvariantCulture, $"the same zone, indicator, year, period, status, publication date and basis as line {first.Line} of {first.File}");

    public const string DuplicateAdvice = "Remove one of the two rows; if one revises the other, give each its publication date in the published column (the later one is used); if one is on a revised basis (after a census), name it in the basis column, e.g. census5.";

    public static string UnorderedReleasesRule(Observation later, Observation earlier) =>
        string.Create(CultureInfo.InvariantCulture,
            $"the row and line {earlier.Location.Line} of {earlier.Location.File} are two releases of one figure ({later.Zone} {later.Indicator.Id} {later.Year}{(later.Period.IsWholeYear ? string.Empty : " " + later.Period)}, {later.Status.ToText()}, {BasisPhrase(later.Basis)}; values {later.PublishedValue} {later.PublishedUnit.Code} and {earlier.PublishedValue} {earlier.PublishedUnit.Code}), published \"{later.Published}\" and \"{earlier.Published}\": the dates do not say which release came later, so neither can be used as the figure's latest value");

    public const string UnorderedReleasesAdvice = "Give both rows publication dates precise enough to order them (e.g. 2024-03-04 and 2025-01-20, not 2024 and 2024-03-04, nor empty). If one of them is on a revised basis (after a census), write that basis in its basis column, e.g. census5: figures on two bases are two figures, not two releases.";

    /// <summary>A basis as a phrase of a data message: "on the basis first published", "on basis census5".</summary>
    private static string BasisPhrase(string basis) => Bases.IsRevised(basis) ? "on basis " + basis : "on the basis first published";

    public static string DuplicateIndicatorRule(SourceLocation first) =>
        string.Create(CultureInfo.InvariantCulture, $"the indicator is already defined on line {first.Line}");

    public const string DuplicateIndicatorAdvice = "Keep one definition per indicator.";

    public static string UnknownGrowthIndicatorRule(string id) => $"growth_indicator \"{id}\" is not defined in the catalog";

    public const string UnknownGrowthIndicatorAdvice = "Name an indicator of kind growth defined in the same catalog, or leave the cell empty.";

    public static string PartOfRule(string id) => $"part_of \"{id}\" is not a level indicator of the catalog measured like this one";

    public const string PartOfAdvice = "Name the level indicator this one is a part of (e.g. gdp for an added value), both of kind level and measured in money, or leave the cell empty.";

    public static string DuplicateZoneRule(SourceLocation first) =>
        string.Create(CultureInfo.InvariantCulture, $"the zone is already defined on line {first.Line}");

    public const string DuplicateZoneAdvice = "Keep one row per zone.";

    public static string UnknownParentRule(string parent) => $"the parent zone \"{parent}\" is not a zone of this catalog";

    public static string ParentCycleRule(string zone) => $"following the parents from {zone} comes back to a zone already passed: a zone cannot contain itself";

    public const string ParentAdvice = "Name as parent a zone defined in the same file (the city a district lies in, the province a city lies in), or leave the cell empty.";

    /// <summary>A row as a message names it: "HHZ core_digital_added_value 2024 (2000 亿元, lower-bound, line 48)".</summary>
    private static string Row(Observation o) =>
        string.Create(CultureInfo.InvariantCulture, $"{o.Zone} {o.Indicator.Id} {o.Year}{(o.Period.IsWholeYear ? string.Empty : " " + o.Period)}{(o.Basis.Length > 0 ? ", basis " + o.Basis : string.Empty)} ({o.Value:0.###} {o.Indicator.Unit.Code}, {o.Status.ToText()}, line {o.Location.Line}{(o.Location.File.Length > 0 ? " of " + Path.GetFileName(o.Location.File) : string.Empty)})");

    /// <summary>The value as read, and as converted when it was: "21000 亿元 (2100 billion RMB as written)".</summary>
    private static string Value(Observation o) =>
        o.WasConverted
            ? string.Create(CultureInfo.InvariantCulture, $"{o.Value:0.###} {o.Indicator.Unit.Code} ({o.PublishedValue} {o.PublishedUnit.Code}, {o.PublishedUnit.EnglishName}, as written)")
            : string.Create(CultureInfo.InvariantCulture, $"{o.Value:0.###} {o.Indicator.Unit.Code}");

    public static string PartAboveWholeRule(Observation part, Observation whole) =>
        $"the value, {Value(part)}, is above {Row(whole)}, of which {part.Indicator.Id} is a part (catalog column part_of): a part cannot exceed its whole";

    public static string ZoneAboveParentRule(Observation child, Observation parent) =>
        $"the value, {Value(child)}, is above {Row(parent)}, and {parent.Zone} contains {child.Zone} (data/zones.csv): a zone cannot exceed an area it lies in";

    public static string LevelJumpRule(Observation row, Observation nearest, double factor) =>
        string.Create(CultureInfo.InvariantCulture, $"the value, {Value(row)}, is {Math.Max(row.Value / nearest.Value, nearest.Value / row.Value):0.#} times {(row.Value > nearest.Value ? "above" : "below")} the nearest year's {Row(nearest)}: a level more than {factor:0} times (or under 1/{factor:0} of) the same series' nearest year is taken for a slip of unit or digits");

    public static string GrowthContradictsLevelRule(Observation row, Observation previous, double expected, double tolerance) =>
        string.Create(CultureInfo.InvariantCulture, $"the value, {Value(row)}, is {100 * ((row.Value / expected) - 1):+0.#;-0.#} % away from {row.Year - 1}'s {Row(previous)} grown at the {row.GrowthPercent:0.0##} % published with it ({expected:0.#}): more than {100 * tolerance:0} % apart, the level and its growth rate cannot both be right");

    /// <summary>What to do about a figure that contradicts a related one: a unit that would fit, if one does, then how to override.</summary>
    public static string PlausibilityAdvice(Observation row, double reference, string rule)
    {
        var catalogUnit = row.Indicator.Unit;
        var suggestion = Units.All
            .Where(u => u.Dimension == catalogUnit.Dimension && u != row.PublishedUnit)
            .Select(u => (Unit: u, Fits: Units.TryConvert(row.PublishedValue, u, catalogUnit, out var converted), Value: (double)converted))
            .Where(c => c.Fits && c.Value > 0 && Math.Abs(Math.Log(c.Value / reference)) < Math.Min(Math.Log(3), Math.Abs(Math.Log(row.Value / reference))))
            .OrderBy(c => Math.Abs(Math.Log(c.Value / reference)))
            .FirstOrDefault();
        var unit = suggestion.Unit is null
            ? "Check the figure and its unit against the source"
            : suggestion.Unit == catalogUnit
                ? string.Create(CultureInfo.InvariantCulture, $"Check the unit: did you mean {row.PublishedValue} {catalogUnit.Code}, in line with the related figure? Otherwise check the figure against the source")
                : string.Create(CultureInfo.InvariantCulture, $"Check the unit: did you mean {row.PublishedValue} {suggestion.Unit.Code} ({suggestion.Unit.EnglishName}, = {suggestion.Value:0.###} {catalogUnit.Code}), in line with the related figure? Otherwise check the figure against the source");
        return $"{unit}. If both are right, say why in the row's note, as [allow {rule}: the reason], and the check accepts it.";
    }

    public static string AllowTagRule(string rule, IEnumerable<string> known) =>
        $"an override in the note must name a rule and give a reason, [allow rule: reason]; \"{rule}\" {(known.Contains(rule) ? "has no reason" : "is not a rule")} (rules: {string.Join(", ", known)})";

    public const string AllowTagAdvice = "Write the override as [allow level-jump: why the figure is right], with one of the rules named and a reason after the colon, or remove it.";

    public static string ValidationSummary(IReadOnlyList<ValidationIssue> issues)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{issues.Count} problem{(issues.Count == 1 ? string.Empty : "s")} found in the data files; nothing was loaded:");
        foreach (var issue in issues)
        {
            text.AppendLine().Append("  - ").Append(issue);
        }

        return text.ToString();
    }

    public static string UnknownIndicatorInDataSet(string indicator, IEnumerable<string> known) =>
        $"Indicator \"{indicator}\" has no rows in the loaded data. Indicators with data: {string.Join(", ", known)}.";

    public static string ZoneNeeded(string indicator, IEnumerable<string> zones) =>
        $"Indicator \"{indicator}\" has rows for several zones ({string.Join(", ", zones)}); say which zone you want.";

    public static string NoSuchZone(string indicator, string zone, IEnumerable<string> zones) =>
        $"Indicator \"{indicator}\" has no rows for zone \"{zone}\"; it has rows for: {string.Join(", ", zones)}.";

    public static string SeveralValuesInYear(string indicator, string zone, int year, IEnumerable<ObservationStatus> statuses) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{zone} {indicator} has several values for {year} among the statuses asked for ({string.Join(", ", statuses.Select(s => s.ToText()))}); ask for fewer statuses so that one value per year remains.");

    public static string NoStatuses => "Ask for at least one status.";

    public const string NoDataFiles = "Give at least one data file.";

    public static string ImpliedLevelsNeedNominalGrowth(IndicatorDefinition indicator) =>
        $"{indicator.Id} publishes real growth (at comparable prices): level ÷ (1 + growth) would mix price bases, so no previous-year level is implied. Use an indicator with nominal growth.";

    public static string ImpliedLevelRule(SeriesPoint from, double growthPercent) =>
        string.Create(CultureInfo.InvariantCulture,
            $"implied by the {from.Year} level {from.Value:0.###} and its published growth of {growthPercent:0.0##} %: {from.Value:0.###} / {1 + (growthPercent / 100):0.####}");

    public static string ShareUnitsDiffer(IndicatorSeries part, IndicatorSeries whole) =>
        $"Cannot take a share of {part.Zone} {part.Indicator.Id} ({part.Unit.Code}) in {whole.Zone} {whole.Indicator.Id} ({whole.Unit.Code}): the units differ.";

    public static string NotAShareIndicator(IndicatorDefinition share) =>
        $"{share.Id} is a {share.Kind.ToString().ToLowerInvariant()}, not a share; name a catalog indicator of kind share.";

    private static string Describe(UnitDimension dimension) => dimension switch
    {
        UnitDimension.Money => "money",
        UnitDimension.Count => "a count",
        _ => "a percentage",
    };
}
