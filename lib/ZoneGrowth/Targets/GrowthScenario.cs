namespace ZoneGrowth.Targets;

/// <summary>
/// A named path of annual growth rates (as fractions: 0.05 for 5 %), defined in one line:
/// <c>GrowthScenario.Constant("trend", 0.12)</c> or
/// <c>GrowthScenario.Yearly("grows like GDP did in 2022-2024", 2022, 0.018, 0.080, 0.050, 0.050)</c>.
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

    /// <summary>The rate by year for a yearly scenario; null for a constant one.</summary>
    public IReadOnlyDictionary<int, double>? RatesByYear => _byYear;

    /// <summary>The one rate of a constant scenario; null for a yearly one.</summary>
    public double? ConstantRate => _byYear is null ? _constant : null;

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
