namespace ZoneGrowth.Data;

/// <summary>
/// The typed view the analysis uses: one indicator in one zone, one value per year, ordered by
/// year, with only the statuses that were asked for. Missing years stay missing (see
/// <see cref="MissingYears"/>); nothing is interpolated. A year's value is its latest figure: the
/// latest release on the latest basis (a census-revised level over the first release of the same
/// year); the figures set aside stay reachable in <see cref="Superseded"/> (earlier releases on one
/// basis) and <see cref="OnOtherBases"/> (the same year on an earlier basis).
/// </summary>
public sealed class IndicatorSeries
{
    internal IndicatorSeries(
        string zone,
        IndicatorDefinition indicator,
        IReadOnlyList<ObservationStatus> statuses,
        IReadOnlyList<SeriesPoint> points,
        IReadOnlyList<Observation> superseded,
        IReadOnlyList<Observation> onOtherBases)
    {
        Zone = zone;
        Indicator = indicator;
        Statuses = statuses;
        Points = points;
        Superseded = superseded;
        OnOtherBases = onOtherBases;
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

    /// <summary>
    /// Earlier releases replaced by a later release of the same figure: the same year, status and basis,
    /// published later (a revision on one basis). Figures on another basis than a point's are not superseded by
    /// it; they are in <see cref="OnOtherBases"/>.
    /// </summary>
    public IReadOnlyList<Observation> Superseded { get; }

    /// <summary>
    /// The figures of the series' years on another basis than their point's: for a year published on several
    /// bases, the latest release on each basis but the one the point shows, e.g. the first release of a year
    /// whose point is its level revised after the fifth census (<c>census5</c>). By year, earliest basis first.
    /// </summary>
    public IReadOnlyList<Observation> OnOtherBases { get; }

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
    /// The series on the basis it was first published on: for every year that has a first-published figure, that
    /// figure, also where the year's point shows a revised level (taken from <see cref="OnOtherBases"/>), and no
    /// year that has only revised figures (e.g. GDP before and after a census revision: the first releases only).
    /// It ends at the last year with a first-published figure: the span where levels compare like with like.
    /// Derived points are kept when the figure they come from is first-published.
    /// </summary>
    public IndicatorSeries OnOriginalBasis()
    {
        var points = Points
            .Where(p => !Bases.IsRevised(p.Observation.Basis))
            .Concat(OnOtherBases.Where(o => !Bases.IsRevised(o.Basis)).Select(o => new SeriesPoint(o.Year, o.Value, o.Status, o)))
            .OrderBy(p => p.Year)
            .ToArray();
        var years = points.Select(p => p.Year).ToHashSet();
        var others = Points.Where(p => !p.IsDerived && years.Contains(p.Year) && Bases.IsRevised(p.Observation.Basis)).Select(p => p.Observation)
            .Concat(OnOtherBases.Where(o => years.Contains(o.Year) && Bases.IsRevised(o.Basis)))
            .OrderBy(o => o.Year)
            .ToArray();
        return new IndicatorSeries(Zone, Indicator, Statuses, points, Superseded.Where(o => !Bases.IsRevised(o.Basis)).ToArray(), others);
    }

    /// <summary>
    /// The series as it stood with data for years up to <paramref name="lastYear"/> only, e.g.
    /// for a back-test of a plan made then.
    /// </summary>
    public IndicatorSeries Until(int lastYear) =>
        new(Zone, Indicator, Statuses, Points.Where(p => p.Year <= lastYear).ToArray(), Superseded.Where(o => o.Year <= lastYear).ToArray(), OnOtherBases.Where(o => o.Year <= lastYear).ToArray());

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
        return new IndicatorSeries(Zone, Indicator, Statuses, points, Superseded, OnOtherBases);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Zone} {Indicator.Id} ({Unit.Code}; {string.Join("/", Statuses.Select(s => s.ToText()))}): " +
        string.Join(", ", Points.Select(p => FormattableString.Invariant($"{p.Year} {p.Value:0.###}{(p.IsDerived ? " (derived)" : string.Empty)}")));
}
