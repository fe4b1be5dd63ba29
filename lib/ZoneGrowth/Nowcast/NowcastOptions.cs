namespace ZoneGrowth.Nowcast;

/// <summary>
/// The settings of a revenue nowcast: the observation standard deviation of each kind of evidence
/// (on the log scale: 0.02 is about ±2 %) and the catalog ids of the related indicators it bridges
/// from. The defaults are the workbook's; every result states the values it used.
/// </summary>
public sealed record NowcastOptions
{
    /// <summary>The workbook's defaults.</summary>
    public static NowcastOptions Default { get; } = new();

    /// <summary>A published outcome: 0.5 % (rounding, and label differences between sources).</summary>
    public double ReportedSd { get; init; } = 0.005;

    /// <summary>A level implied by a published level and growth rate: 1 % (growth rates are rounded to 0.1 point and may be on a slightly different basis).</summary>
    public double DerivedSd { get; init; } = 0.01;

    /// <summary>A figure published as expected (预计) before the year ended: 2 %.</summary>
    public double EstimateSd { get; init; } = 0.02;

    /// <summary>A figure published as "about" (左右): 3 % (a share of "about 75 %" rounds to the nearest few points).</summary>
    public double ApproximateSd { get; init; } = 0.03;

    /// <summary>The core added value indicator.</summary>
    public string AddedValue { get; init; } = "core_digital_added_value";

    /// <summary>The core added value's share of GDP, in percent.</summary>
    public string AddedValueShare { get; init; } = "core_digital_added_value_share_of_gdp";

    /// <summary>GDP (nominal levels, real growth).</summary>
    public string Gdp { get; init; } = "gdp";

    /// <summary>Real GDP growth published without a level.</summary>
    public string GdpRealGrowth { get; init; } = "gdp_real_growth";

    /// <summary>The standard deviation for a kind of evidence (bridged values carry their own).</summary>
    public double StandardDeviation(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Reported => ReportedSd,
        EvidenceKind.Derived => DerivedSd,
        EvidenceKind.Estimate => EstimateSd,
        EvidenceKind.Approximate => ApproximateSd,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), "A bridged value carries its own standard deviation."),
    };
}
