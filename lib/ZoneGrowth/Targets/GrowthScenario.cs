using ZoneGrowth.Data;

namespace ZoneGrowth.Targets;

/// <summary>
/// A named path of annual growth rates (as fractions: 0.05 for 5 %), defined in one line:
/// <c>GrowthScenario.Constant("trend", 0.12)</c> or
/// <c>GrowthScenario.Yearly("a slow start", 2022, 0.018, 0.080, 0.050, 0.050)</c>, or from the data:
/// <c>GrowthScenario.Like(data.Series("gdp", zone), 2022, 2025)</c>.
/// A yearly scenario must give a rate for every year it is applied to: a missing year is an
/// error, never filled in.
/// </summary>
public sealed class GrowthScenario
{
    private readonly IReadOnlyDictionary<int, double>? _byYear;
    private readonly double _constant;

    private GrowthScenario(string name, IReadOnlyDictionary<int, double>? byYear, double constant)
    {
        Name = name;
        _byYear = byYear;
        _constant = constant;
    }

    /// <summary>The scenario's name, shown in every table.</summary>
    public string Name { get; }

    /// <summary>What the name leaves out, shown as a note beside the scenario's table (why some years grow at the mean), or null.</summary>
    public string? Note { get; private set; }

    /// <summary>The rate by year for a yearly scenario; null for a constant one.</summary>
    public IReadOnlyDictionary<int, double>? RatesByYear => _byYear;

    /// <summary>The same growth rate in every year.</summary>
    public static GrowthScenario Constant(string name, double annualRate)
    {
        CheckRate(name, annualRate);
        return new GrowthScenario(name, null, annualRate);
    }

    /// <summary>One rate per year, starting at <paramref name="firstYear"/>.</summary>
    public static GrowthScenario Yearly(string name, int firstYear, params double[] rates)
    {
        if (rates.Length == 0)
        {
            throw new ArgumentException(TargetMessages.ScenarioEmpty(name), nameof(rates));
        }

        foreach (var rate in rates)
        {
            CheckRate(name, rate);
        }

        return new GrowthScenario(name, rates.Select((r, i) => (Year: firstYear + i, Rate: r)).ToDictionary(x => x.Year, x => x.Rate), 0);
    }

    /// <summary>
    /// Grows as another series' current-price level did in the years from <paramref name="firstYear"/> to
    /// <paramref name="lastYear"/>, from the data: nominal growth throughout, since the scenario is applied to a
    /// nominal level. A year's growth is the change of the series' level from the year before when both are
    /// published on one basis, else the growth rate published beside the year's figure when the indicator's rates
    /// are nominal; a real rate (GDP's) is never mixed in, since it leaves out the change in prices. A year with
    /// neither grows at the mean of the others: "grows like GDP's nominal level did in 2022–2023 (8.0 %, 13.0 %), then
    /// at their mean, 10.5 %, in 2024–2025", and <see cref="Note"/> says why each such year has no rate of its own.
    /// </summary>
    /// <exception cref="ArgumentException">No year of the range has a nominal growth rate from the series.</exception>
    public static GrowthScenario Like(IndicatorSeries series, int firstYear, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(series);
        var levels = series.Points.Where(p => !p.IsDerived && p.Observation.Period.IsWholeYear).GroupBy(p => p.Year).ToDictionary(g => g.Key, g => g.Last());
        var rates = new SortedDictionary<int, double>();
        var why = new SortedDictionary<int, string>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            levels.TryGetValue(year, out var now);
            levels.TryGetValue(year - 1, out var before);
            if (now is not null && before is not null && now.Observation.Basis == before.Observation.Basis)
            {
                rates[year] = (now.Value / before.Value) - 1;
            }
            else if (now?.Observation.GrowthPercent is { } published && series.Indicator.GrowthBasis == GrowthBasis.Nominal)
            {
                rates[year] = published / 100;
            }
            else
            {
                why[year] = TargetMessages.NoNominalGrowth(now, before, series.Indicator.GrowthBasis);
            }
        }

        if (rates.Count == 0)
        {
            throw new ArgumentException(TargetMessages.NoGrowthToFollow(series, firstYear, lastYear), nameof(series));
        }

        var mean = rates.Values.Average();
        var years = Enumerable.Range(firstYear, lastYear - firstYear + 1).ToArray();
        var name = TargetMessages.LikeScenarioName(series, rates, mean, why.Keys);
        var scenario = Yearly(name, firstYear, years.Select(y => rates.TryGetValue(y, out var r) ? r : mean).ToArray());
        scenario.Note = why.Count == 0 ? null : TargetMessages.LikeScenarioNote(series, why);
        return scenario;
    }

    /// <summary>The rate applied in <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentException">A yearly scenario has no rate for that year.</exception>
    public double RateIn(int year, int firstYear, int lastYear)
    {
        if (_byYear is null)
        {
            return _constant;
        }

        return _byYear.TryGetValue(year, out var rate)
            ? rate
            : throw new ArgumentException(TargetMessages.ScenarioMissingYear(this, year, firstYear, lastYear));
    }

    private static void CheckRate(string name, double rate)
    {
        if (!(rate > -1) || double.IsInfinity(rate))
        {
            throw new ArgumentException(TargetMessages.ScenarioRate(name, rate));
        }
    }
}
