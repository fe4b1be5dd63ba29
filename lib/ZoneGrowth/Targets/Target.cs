using ZoneGrowth.Data;

namespace ZoneGrowth.Targets;

/// <summary>A plan's goal: an indicator's value in a zone and year, with its source.</summary>
/// <param name="Zone">The zone.</param>
/// <param name="Indicator">The indicator the goal is set on.</param>
/// <param name="Year">The year by which the goal is to be met.</param>
/// <param name="Value">The goal, in the indicator's unit.</param>
/// <param name="Source">Where the goal was published.</param>
public sealed record Target(string Zone, IndicatorDefinition Indicator, int Year, double Value, string Source)
{
    /// <summary>The unit of <see cref="Value"/>.</summary>
    public Unit Unit => Indicator.Unit;

    /// <summary>The data row the target was read from (null for a target made in code).</summary>
    public Observation? Observation { get; init; }

    /// <summary>The target as written for readers, at the precision it was published in: <c>6,000 亿元</c>.</summary>
    public string ValueText => Observation is { } o ? Publishing.KeyFigureText.Published(o) : Publishing.KeyFigureText.Value(Value, Unit.Code);

    /// <summary>Every target row of a data set, in file order.</summary>
    public static IReadOnlyList<Target> All(DataSet data) =>
        data.Observations
            .Where(o => o.Status == ObservationStatus.Target)
            .Select(o => new Target(o.Zone, o.Indicator, o.Year, o.Value, o.Source) { Observation = o })
            .ToArray();

    /// <summary>The whole year's target for an indicator and year in the data; of several (a revised goal), the latest published.</summary>
    /// <exception cref="ArgumentException">No such target, or several zones have one and none was named.</exception>
    public static Target Find(DataSet data, string indicator, int year, string? zone = null)
    {
        var all = All(data);
        // A whole year's goal; of several (a revised goal, another basis) the latest published, then the last in the file.
        var matches = all.Where(t => t.Indicator.Id == indicator && t.Year == year && (zone is null || t.Zone == zone) && t.Observation?.IsWholeYear != false)
            .GroupBy(t => t.Zone)
            .Select(g => g.OrderBy(t => t.Observation?.Published ?? string.Empty, StringComparer.Ordinal).ThenBy(t => t.Observation?.Location.Line ?? 0).Last())
            .ToArray();
        return matches.Length switch
        {
            1 => matches[0],
            0 => throw new ArgumentException(TargetMessages.UnknownTarget(indicator, year, all.Select(t => FormattableString.Invariant($"{t.Zone} {t.Indicator.Id} {t.Year}")))),
            _ => throw new ArgumentException(TargetMessages.SeveralTargets(indicator, year)),
        };
    }

    /// <summary>The target in words, the indicator by its catalog name: "Gross domestic product (HHZ) in 2025: 3000 亿元 (source)".</summary>
    public override string ToString() => $"{Indicator.EnglishName} ({Zone}) in {Year}: {Units.Format(Value, Unit)} ({Source})";
}
