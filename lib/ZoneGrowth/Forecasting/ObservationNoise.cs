namespace ZoneGrowth.Forecasting;

/// <summary>
/// The observation standard deviation of each kind of evidence (<see cref="EvidenceKind"/>), on the log scale (0.02
/// is about ±2 %): the noise of a published figure of that kind, which the state-space model
/// (<see cref="StateSpaceGrowthModel"/>) gives each of its observations. The defaults are the workbook's. The
/// nowcast's settings (<c>ZoneGrowth.Nowcast.NowcastOptions</c>) are these and more, so the outlook and the
/// state-space model of the out-of-sample evaluation read one set of values.
/// </summary>
public record ObservationNoise
{
    /// <summary>The workbook's defaults.</summary>
    public static ObservationNoise Default { get; } = new();

    /// <summary>A published outcome: 0.5 % (rounding, and label differences between sources).</summary>
    public double ReportedSd { get; init; } = 0.005;

    /// <summary>A level implied by a published level and growth rate: 1 % (growth rates are rounded to 0.1 point and may be on a slightly different basis).</summary>
    public double DerivedSd { get; init; } = 0.01;

    /// <summary>A figure published as expected (预计) before the year ended: 2 %.</summary>
    public double EstimateSd { get; init; } = 0.02;

    /// <summary>A figure published as "about" (左右): 3 % (a share of "about 75 %" rounds to the nearest few points).</summary>
    public double ApproximateSd { get; init; } = 0.03;

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
