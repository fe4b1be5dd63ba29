namespace ZoneGrowth.Nowcast;

/// <summary>One line of the evidence on prices the prior of the zone's price growth is built from.</summary>
/// <param name="Zone">The area, e.g. <c>Zhejiang</c>; for an excess, "HHZ − Zhejiang".</param>
/// <param name="Year">The year.</param>
/// <param name="Measure">What is measured: "GDP deflator (nominal ÷ real growth)", "consumer prices", ...</param>
/// <param name="Value">The change on the log scale (ln(1 + rate)); a rate of +2.0 % is 0.0198.</param>
/// <param name="Formula">How it was computed from the rows, e.g. "82553 ÷ 77715 ÷ 1.060 (first releases)".</param>
/// <param name="Use">How the prior uses it.</param>
public sealed record PriceEvidence(string Zone, int Year, string Measure, double Value, string Formula, PriceEvidenceUse Use)
{
    /// <summary>The data rows it is computed from.</summary>
    public IReadOnlyList<Data.Observation> Rows { get; init; } = [];

    /// <summary>The change as a rate: e^value − 1.</summary>
    public double Rate => Math.Exp(Value) - 1;
}

/// <summary>How a line of <see cref="PriceEvidence"/> enters the prior.</summary>
public enum PriceEvidenceUse
{
    /// <summary>The province's deflator in a year the zone's prices are bridged: the regional price level.</summary>
    RegionalLevel,

    /// <summary>A deflator of the zone or its province in a year both are known: one side of an excess.</summary>
    ExcessSide,

    /// <summary>The zone's deflator minus its province's in one year: how far the zone's prices run from the region's.</summary>
    Excess,

    /// <summary>Shown for context (a city's deflator, consumer and producer prices); not in the prior.</summary>
    Context,
}
