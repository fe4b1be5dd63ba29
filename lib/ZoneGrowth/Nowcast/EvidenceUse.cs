namespace ZoneGrowth.Nowcast;

/// <summary>How a published figure enters the target outlook.</summary>
public enum EvidenceUse
{
    /// <summary>Its value is evidence on the quantities the answer rests on (a level, share or growth rate, with its error).</summary>
    Value,

    /// <summary>A lower or upper bound: censored evidence (only paths that respect it count).</summary>
    Bound,

    /// <summary>The target year's own figure: the outcome.</summary>
    Outcome,

    /// <summary>It estimates a scale the model rests on (how far a year-to-date rate moves by the year's end).</summary>
    Scale,

    /// <summary>It enters a stated prior (the zone's price growth; whether revenue moves with a census revision).</summary>
    Prior,

    /// <summary>Not used; the row says why.</summary>
    NotUsed,
}
