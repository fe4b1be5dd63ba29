using System.Security.Cryptography;
using Microsoft.Data.Analysis;
using ZoneGrowth.Data.Reading;

namespace ZoneGrowth.Data;

/// <summary>
/// The zone's indicator data loaded from one or more files in the layout of
/// <c>data/README.md</c>: validated, converted to each indicator's unit, with the source of every
/// figure kept. Loading is all-or-nothing: every input row ends up in the data set or in the
/// error report.
/// </summary>
public sealed class DataSet
{
    private DataSet(IndicatorCatalog catalog, ZoneCatalog zones, RelationTable relations, IReadOnlyList<SilenceEvidence> silences, IReadOnlyList<Observation> observations, IReadOnlyList<DataFileInfo> files)
    {
        Catalog = catalog;
        ZoneCatalog = zones;
        Relations = relations;
        Silences = silences;
        Observations = observations;
        Files = files;
    }

    /// <summary>The columns a data file must have.</summary>
    public static IReadOnlyList<string> RequiredColumns => ObservationTableReader.RequiredColumns;

    /// <summary>The columns a data file may have.</summary>
    public static IReadOnlyList<string> OptionalColumns => ObservationTableReader.OptionalColumns;

    /// <summary>The indicator catalog the data was checked against.</summary>
    public IndicatorCatalog Catalog { get; }

    /// <summary>The zone catalog read from beside the indicator catalog (<c>zones.csv</c>), or an empty one.</summary>
    public ZoneCatalog ZoneCatalog { get; }

    /// <summary>How the indicators relate (<c>relations.csv</c> beside the catalog, or the workbook's own).</summary>
    public RelationTable Relations { get; }

    /// <summary>The sources' silences (<c>silences.csv</c> beside the catalog), or none.</summary>
    public IReadOnlyList<SilenceEvidence> Silences { get; }

    /// <summary>Every observation, in file and line order.</summary>
    public IReadOnlyList<Observation> Observations { get; }

    /// <summary>The data files read, with their SHA-256 and row counts.</summary>
    public IReadOnlyList<DataFileInfo> Files { get; }

    /// <summary>The observations that cover a whole calendar year (not a year-to-date part of one).</summary>
    public IReadOnlyList<Observation> WholeYearObservations => Observations.Where(o => o.IsWholeYear).ToArray();

    /// <summary>The zones that have data.</summary>
    public IReadOnlyList<string> Zones => Observations.Select(o => o.Zone).Distinct().ToArray();

    /// <summary>The indicators that have data, in catalog order.</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators =>
        Catalog.Indicators.Where(i => Observations.Any(o => o.Indicator == i)).ToArray();

    /// <summary>Observations whose value was converted from the unit it was published in.</summary>
    public IReadOnlyList<Observation> Conversions => Observations.Where(o => o.WasConverted).ToArray();

    /// <summary>Loads the workbook's shipped data file with the shipped catalog (<see cref="WorkbookPaths"/>).</summary>
    public static DataSet LoadDefault() => Load([WorkbookPaths.DefaultDataFile], WorkbookPaths.Catalog);

    /// <summary>Loads one or more data files (.csv or .xlsx), checked against a catalog.</summary>
    /// <param name="files">Data files in the layout of data/README.md.</param>
    /// <param name="catalogPath">The indicator catalog; by default the workbook's <c>data/indicators.csv</c>.</param>
    /// <exception cref="DataValidationException">Any file breaks the layout; every problem in every file is listed.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static DataSet Load(IEnumerable<string> files, string? catalogPath = null)
    {
        var result = Check(files, catalogPath);
        return result.DataSet ?? throw new DataValidationException(result.Issues);
    }

    /// <summary>Loads one data file with the default catalog.</summary>
    public static DataSet Load(string file, string? catalogPath = null) => Load([file], catalogPath);

    /// <summary>
    /// Why the data or catalog file that <paramref name="path"/> names (<c>data.xlsx#Figures</c> included) cannot be
    /// found by code running in <paramref name="start"/> (a folder, or a file in it such as a notebook), by the
    /// workbook's rule (<see cref="WorkbookPaths.ResolveFrom"/>): the message <see cref="Load(string, string?)"/>
    /// would throw, or <c>null</c> when the file exists. Lets a runner refuse a missing file before any kernel starts.
    /// </summary>
    public static string? MissingFile(string path, string start)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(start);
        return TableReader.MissingFile(path, start);
    }

    /// <summary>
    /// Reads and validates data files without throwing on bad data: the result has either a data
    /// set or the full list of problems.
    /// </summary>
    public static DataCheckResult Check(IEnumerable<string> files, string? catalogPath = null)
    {
        var fileList = files.ToArray();
        if (fileList.Length == 0)
        {
            throw new ArgumentException(DataMessages.NoDataFiles, nameof(files));
        }

        var issues = new List<ValidationIssue>();
        var catalogFile = catalogPath ?? WorkbookPaths.Catalog;
        var catalog = IndicatorCatalog.Read(catalogFile, UnitTable.ReadBeside(catalogFile, issues), issues);
        var zones = ZoneCatalog.ReadBeside(catalog.File, issues);
        var relations = RelationTable.ReadBeside(catalog, issues);
        var silences = SilenceTable.ReadBeside(catalog, issues);
        if (issues.Count > 0)
        {
            return new DataCheckResult(null, issues, []);
        }

        var observations = new List<Observation>();
        var infos = new List<DataFileInfo>();
        var maps = new Dictionary<string, ColumnMap>(StringComparer.Ordinal);
        foreach (var file in fileList)
        {
            var table = TableReader.Read(file);
            var (read, rows, map) = ObservationTableReader.Read(table, catalog, issues);
            observations.AddRange(read);
            infos.Add(new DataFileInfo(file, Sha256Of(TableReader.Split(file).File), rows));  // the path as given (relative: to the workbook's root)
            if (map is not null)
            {
                maps.TryAdd(table.File, map);
            }
        }

        SourceLocation Locate(Observation o, string column) => maps.TryGetValue(o.Location.File, out var map) ? map.Locate(o.Location.Line, column) : o.Location;
        CheckDuplicates(observations, issues);
        CheckReleaseOrder(observations, Locate, issues);
        PlausibilityRules.Check(observations, catalog, zones, Locate, issues);
        var fileOrder = fileList.Select((f, i) => (f, i)).GroupBy(x => x.f).ToDictionary(g => g.Key, g => g.First().i);
        var ordered = issues.OrderBy(i => fileOrder.GetValueOrDefault(i.Location.File)).ThenBy(i => i.Location.Line).ToArray();
        return ordered.Length > 0
            ? new DataCheckResult(null, ordered, infos)
            : new DataCheckResult(new DataSet(catalog, zones, relations, silences, observations, infos), [], infos);
    }

    /// <summary>
    /// The data as they stood with the figures for years up to <paramref name="lastYear"/> only
    /// (targets, which are about later years by nature, are kept): what an analysis run then would
    /// have seen, for back-tests and for "what would the workbook have said". Figures published
    /// later about earlier years (revisions) are kept, so this is the data up to a year, not a
    /// real-time vintage.
    /// </summary>
    public DataSet UpTo(int lastYear) =>
        new(Catalog, ZoneCatalog, Relations, Silences, Observations.Where(o => o.Year <= lastYear || o.Status == ObservationStatus.Target).ToArray(), Files);

    /// <summary>The same data with other observations (the catalog, zones, relations, silences and files kept): for asking what a row changes.</summary>
    internal DataSet WithObservations(IReadOnlyList<Observation> observations) => new(Catalog, ZoneCatalog, Relations, Silences, observations, Files);

    /// <summary>
    /// Every figure published for a zone about a year after <paramref name="year"/> (not targets): levels,
    /// shares, growth rates, year-to-date figures and bounds, in catalog order of their indicators, then by
    /// year and period.
    /// </summary>
    public IReadOnlyList<Observation> PublishedAfter(string zone, int year) =>
        Observations
            .Where(o => o.Zone == zone && o.Year > year && o.Status != ObservationStatus.Target)
            .OrderBy(o => Catalog.Indicators.ToList().IndexOf(o.Indicator)).ThenBy(o => o.Year).ThenBy(o => o.Period.Months)
            .ToArray();

    /// <summary>
    /// One indicator in one zone as a typed series, ordered by year, one point per year: the year's latest
    /// figure. Where a year has releases on one basis, the latest release (the earlier ones are in
    /// <see cref="IndicatorSeries.Superseded"/>); where it has figures on several bases, the one on the latest
    /// basis: a revised basis over the first-published one (a level revised after the fifth census over the
    /// year's first release), and among revised bases the later census (<c>census5</c> over <c>census4</c>,
    /// any census over a label naming none), then the one published later, then the label in alphabetical
    /// order. The figures on the other bases are in <see cref="IndicatorSeries.OnOtherBases"/>, and
    /// <see cref="IndicatorSeries.OnOriginalBasis"/> gives the first-published figures of every year.
    /// </summary>
    /// <param name="indicator">The indicator id, e.g. <c>digital_economy_revenue</c>.</param>
    /// <param name="zone">The zone; may be omitted when only one zone has the indicator.</param>
    /// <param name="statuses">
    /// The statuses admitted; by default reported values only, so estimates, targets and bounds
    /// are never mixed in silently.
    /// </param>
    /// <param name="period">
    /// The stretch of the year: whole years by default, so that a year-to-date figure (first three
    /// quarters) is never taken for a year's.
    /// </param>
    /// <exception cref="ArgumentException">Unknown indicator or zone, or figures of several of the admitted statuses in one year.</exception>
    public IndicatorSeries Series(string indicator, string? zone = null, IReadOnlyCollection<ObservationStatus>? statuses = null, Period period = default)
    {
        var admitted = (statuses ?? [ObservationStatus.Reported]).Distinct().ToArray();
        if (admitted.Length == 0)
        {
            throw new ArgumentException(DataMessages.NoStatuses, nameof(statuses));
        }

        var all = Observations.Where(o => o.Indicator.Id == indicator).ToArray();
        var rows = all.Where(o => o.Period == period).ToArray();
        if (all.Length == 0)
        {
            throw new ArgumentException(DataMessages.UnknownIndicatorInDataSet(indicator, Indicators.Select(i => i.Id)), nameof(indicator));
        }

        var zones = all.Select(o => o.Zone).Distinct().ToArray();
        if (zone is null)
        {
            zone = zones.Length == 1 ? zones[0] : throw new ArgumentException(DataMessages.ZoneNeeded(indicator, zones), nameof(zone));
        }
        else if (!zones.Contains(zone))
        {
            throw new ArgumentException(DataMessages.NoSuchZone(indicator, zone, zones), nameof(zone));
        }

        var points = new List<SeriesPoint>();
        var superseded = new List<Observation>();
        var onOtherBases = new List<Observation>();
        foreach (var year in rows.Where(o => o.Zone == zone && admitted.Contains(o.Status)).GroupBy(o => o.Year).OrderBy(g => g.Key))
        {
            var byStatus = year.GroupBy(o => o.Status).Select(g => (Status: g.Key, Bases: Vintages.LatestOfEachBasis(g, superseded))).ToArray();
            if (byStatus.Length > 1)
            {
                throw new ArgumentException(DataMessages.SeveralValuesInYear(indicator, zone, year.Key, byStatus.Select(s => s.Status).Order()), nameof(statuses));
            }

            var bases = byStatus[0].Bases;
            var latest = bases[^1];
            onOtherBases.AddRange(bases.Take(bases.Count - 1));
            points.Add(new SeriesPoint(year.Key, latest.Value, latest.Status, latest));
        }

        return new IndicatorSeries(zone, Catalog[indicator], admitted, points, superseded, onOtherBases);
    }

    /// <summary>
    /// The data as a Microsoft.Data.Analysis DataFrame, one row per observation, with columns
    /// zone, indicator, name_en, year, period, value, unit, status, growth_pct, basis, published,
    /// source, quote, note, published_value, published_unit, file, line.
    /// </summary>
    public DataFrame ToDataFrame() => ToDataFrame(Observations);

    /// <summary>Observations as a DataFrame with the columns of <see cref="ToDataFrame()"/>.</summary>
    public static DataFrame ToDataFrame(IEnumerable<Observation> observations)
    {
        var rows = observations.ToArray();
        return new DataFrame(
            new StringDataFrameColumn("zone", rows.Select(o => o.Zone)),
            new StringDataFrameColumn("indicator", rows.Select(o => o.Indicator.Id)),
            new StringDataFrameColumn("name_en", rows.Select(o => o.Indicator.EnglishName)),
            new PrimitiveDataFrameColumn<int>("year", rows.Select(o => o.Year)),
            new StringDataFrameColumn("period", rows.Select(o => o.Period.ToString())),
            new PrimitiveDataFrameColumn<double>("value", rows.Select(o => o.Value)),
            new StringDataFrameColumn("unit", rows.Select(o => o.Indicator.Unit.Code)),
            new StringDataFrameColumn("status", rows.Select(o => o.Status.ToText())),
            new PrimitiveDataFrameColumn<double>("growth_pct", rows.Select(o => o.GrowthPercent)),
            new StringDataFrameColumn("basis", rows.Select(o => o.Basis)),
            new StringDataFrameColumn("published", rows.Select(o => o.Published)),
            new StringDataFrameColumn("source", rows.Select(o => o.Source)),
            new StringDataFrameColumn("quote", rows.Select(o => o.Quote)),
            new StringDataFrameColumn("note", rows.Select(o => o.Note)),
            new PrimitiveDataFrameColumn<decimal>("published_value", rows.Select(o => o.PublishedValue)),
            new StringDataFrameColumn("published_unit", rows.Select(o => o.PublishedUnit.Code)),
            new StringDataFrameColumn("file", rows.Select(o => o.Location.File)),
            new PrimitiveDataFrameColumn<int>("line", rows.Select(o => o.Location.Line)));
    }

    private static void CheckDuplicates(List<Observation> observations, List<ValidationIssue> issues)
    {
        var first = new Dictionary<(string, string, int, Period, ObservationStatus, string, string), Observation>();
        foreach (var o in observations.ToArray())
        {
            var key = (o.Zone, o.Indicator.Id, o.Year, o.Period, o.Status, o.Published, o.Basis);
            if (first.TryAdd(key, o))
            {
                continue;
            }

            issues.Add(new ValidationIssue(o.Location, FormattableString.Invariant($"{o.Zone},{o.Indicator.Id},{o.Year},{o.Period},{o.Status.ToText()},{o.Published},{o.Basis}"),
                DataMessages.DuplicateRule(first[key].Location), DataMessages.DuplicateAdvice));
            observations.Remove(o);
        }
    }

    /// <summary>
    /// Releases of one figure (<see cref="Vintages.FigureOf"/>: same zone, indicator, year, period, status and
    /// basis) must have publication dates that say which came later, or no one can tell the revision from the
    /// figure it revises. Each release that cannot be ordered against an earlier line is an issue at its
    /// <c>published</c> cell, naming that line (the first one it cannot be ordered against).
    /// </summary>
    private static void CheckReleaseOrder(List<Observation> observations, Func<Observation, string, SourceLocation> locate, List<ValidationIssue> issues)
    {
        foreach (var figure in observations.GroupBy(Vintages.FigureOf).Where(g => g.Skip(1).Any()))
        {
            var releases = figure.ToArray();
            for (var i = 1; i < releases.Length; i++)
            {
                var later = releases[i];
                if (releases[..i].FirstOrDefault(earlier => !Vintages.CanOrder(earlier.Published, later.Published)) is { } earlier)
                {
                    issues.Add(new ValidationIssue(locate(later, "published"), later.Published, DataMessages.UnorderedReleasesRule(later, earlier), DataMessages.UnorderedReleasesAdvice));
                }
            }
        }
    }

    private static string Sha256Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
