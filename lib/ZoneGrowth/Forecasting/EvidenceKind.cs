namespace ZoneGrowth.Forecasting;

/// <summary>
/// What kind of evidence an observation of the state-space model is, from the most to the least
/// precise. Each kind has its own observation variance (<see cref="ObservationNoise"/>).
/// </summary>
public enum EvidenceKind
{
    /// <summary>A published outcome of the series itself.</summary>
    Reported,

    /// <summary>A level implied by a published level and its published growth rate.</summary>
    Derived,

    /// <summary>A figure published as expected (预计) before the year's final figures.</summary>
    Estimate,

    /// <summary>A figure published as "about" (左右, 约).</summary>
    Approximate,

    /// <summary>A value bridged from related indicators (a nowcast), with the variance of its bridge.</summary>
    Bridged,
}
