namespace ZoneGrowth.Data;

/// <summary>
/// What kind of figure an observation is, as the source published it. Written in data files in
/// lower case with a hyphen: <c>reported</c>, <c>estimate</c>, <c>target</c>, <c>lower-bound</c>,
/// <c>approximate</c>, <c>upper-bound</c>.
/// </summary>
public enum ObservationStatus
{
    /// <summary>A published outcome (<c>reported</c>).</summary>
    Reported,

    /// <summary>Published as expected (预计) before the year's final figures (<c>estimate</c>).</summary>
    Estimate,

    /// <summary>A plan's goal (<c>target</c>).</summary>
    Target,

    /// <summary>Published as "more than" (超, 以上): the true value is at least this (<c>lower-bound</c>).</summary>
    LowerBound,

    /// <summary>Published as "about" or "nearly" (左右, 约, 近) (<c>approximate</c>).</summary>
    Approximate,

    /// <summary>The true value is at most this (<c>upper-bound</c>): published as "not more than" (不超过, 以内), or inferred (e.g. from another zone's ranking, said in the note).</summary>
    UpperBound,
}
