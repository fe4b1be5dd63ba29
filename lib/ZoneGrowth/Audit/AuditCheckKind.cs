namespace ZoneGrowth.Audit;

/// <summary>What a consistency check compares.</summary>
public enum AuditCheckKind
{
    /// <summary>
    /// A level against the previous level of the same indicator grown at the published growth
    /// rates of the years between.
    /// </summary>
    GrowthVersusLevels,

    /// <summary>
    /// The previous-year level implied by a published growth rate against the level of a related
    /// indicator (same family, different label or definition) in that year.
    /// </summary>
    LabelChange,

    /// <summary>Two releases of the same figure published at different dates.</summary>
    Revision,
}
