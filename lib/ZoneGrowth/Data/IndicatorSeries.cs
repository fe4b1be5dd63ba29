namespace ZoneGrowth.Data;

/// <summary>
/// The typed view the analysis uses: one indicator in one zone, one value per year, ordered by
/// year, with only the statuses that were asked for. Missing years stay missing (see
/// <see cref="MissingYears"/>); nothing is interpolated.
/// </summary>
public sealed class IndicatorSeries
{
    internal IndicatorSeries(
        string zone,
        IndicatorDefinition indicator,
        IReadOnlyList<ObservationStatus> statuses,
        IReadOnlyList<SeriesPoint> points,
        IReadOnlyList<Observation> superseded)
    {
        Zone = zone;
        Indicator = indicator;
        Statuses = statuses;
        Points = points;
        Superseded = superseded;
    }

    /// <summary>The zone, e.g. <c>HHZ</c>.</summary>
    public string Zone { get; }

    /// <summary>The indicator's catalog entry (names, unit, kind).</summary>
    public IndicatorDefinition Indicator { get; }

    /// <summary>The unit of <see cref="Values"/>.</summary>
    public Unit Unit => Indicator.Unit;

    /// <summary>The statuses that were admitted into the series.</summary>
    public IReadOnlyList<ObservationStatus> Statuses { get; }

    /// <summary>The points, ordered by year, one per year.</summary>
    public IReadOnlyList<SeriesPoint> Points { get; }

    /// <summary>Earlier releases replaced by a later revision of the same year and status.</summary>
    public IReadOnlyList<Observation> Superseded { get; }

    /// <summary>The years that have a value, ascending.</summary>
    public IReadOnlyList<int> Years => Points.Select(p => p.Year).ToArray();

    /// <summary>The values in year order, in <see cref="Unit"/>.</summary>
    public IReadOnlyList<double> Values => Points.Select(p => p.Value).ToArray();

    /// <summary>The number of years with a value.</summary>
    public int Count => Points.Count;

    /// <summary>Years between the first and the last with no value: gaps, kept as gaps.</summary>
    public IReadOnlyList<int> MissingYears =>
        Points.Count == 0
            ? []
            : Enumerable.Range(Points[0].Year, Points[^1].Year - Points[0].Year + 1).Except(Years).ToArray();

    /// <summary>The point for a year, or null when the year has no value.</summary>
    public SeriesPoint? PointAt(int year) => Points.FirstOrDefault(p => p.Year == year);

    /// <summary>The value for a year, or null when the year has no value.</summary>
    public double? ValueAt(int year) => PointAt(year)?.Value;

    /// <summary>
    /// The points on the basis the series was first published on, up to its first point on a revised basis
    /// (e.g. GDP before a census revision): the span where levels compare like with like.
    /// </summary>
    public IndicatorSeries OnOriginalBasis()
    {
        var firstRevised = Points.FirstOrDefault(p => p.Observation.Basis.Length > 0)?.Year ?? int.MaxValue;
        return Until(firstRevised - 1);
    }

    /// <summary>
    /// The series as it stood with data for years up to <paramref name="lastYear"/> only, e.g.
    /// for a back-test of a plan made then.
    /// </summary>
    public IndicatorSeries Until(int lastYear) =>
        new(Zone, Indicator, Statuses, Points.Where(p => p.Year <= lastYear).ToArray(), Superseded.Where(o => o.Year <= lastYear).ToArray());

    /// <summary>The points that were derived rather than published.</summary>
    public IReadOnlyList<SeriesPoint> DerivedPoints => Points.Where(p => p.IsDerived).ToArray();

    /// <summary>
    /// A copy of the series with the previous year's level added wherever a published point came
    /// with a growth rate and the previous year has no value: level ÷ (1 + growth). Each added
    /// point is marked derived with its rule (<see cref="SeriesPoint.Derivation"/>). For an
    /// indicator with real growth the implied level is at the later year's prices, so it is
    /// refused there.
    /// </summary>
    /// <exception cref="InvalidOperationException">The indicator's published growth is real, not nominal.</exception>
    public IndicatorSeries WithImpliedPreviousYears()
    {
        if (Indicator.GrowthBasis == GrowthBasis.Real)
        {
            throw new InvalidOperationException(DataMessages.ImpliedLevelsNeedNominalGrowth(Indicator));
        }

        var years = Years.ToHashSet();
        var derived = Points
            .Where(p => !p.IsDerived && p.Observation.GrowthPercent is not null && !years.Contains(p.Year - 1))
            .Select(p =>
            {
                var growth = p.Observation.GrowthPercent!.Value;
                var value = p.Value / (1 + (growth / 100));
                return new SeriesPoint(p.Year - 1, value, p.Status, p.Observation, DataMessages.ImpliedLevelRule(p, growth));
            });
        var points = Points.Concat(derived).OrderBy(p => p.Year).ToArray();
        return new IndicatorSeries(Zone, Indicator, Statuses, points, Superseded);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Zone} {Indicator.Id} ({Unit.Code}; {string.Join("/", Statuses.Select(s => s.ToText()))}): " +
        string.Join(", ", Points.Select(p => FormattableString.Invariant($"{p.Year} {p.Value:0.###}{(p.IsDerived ? " (derived)" : string.Empty)}")));
}
