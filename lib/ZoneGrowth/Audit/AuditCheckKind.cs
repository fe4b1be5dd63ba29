namespace ZoneGrowth.Audit;

/// <summary>What a consistency check compares.</summary>
public enum AuditCheckKind
{
    /// <summary>
    /// A level against the previous level of the same indicator on the same basis grown at the published
    /// growth rates of the years between; where two consecutive years have levels on different bases only,
    /// those two levels, with an explanation that says so.
    /// </summary>
    GrowthVersusLevels,

    /// <summary>
    /// The previous-year level implied by a published growth rate against the level of a related
    /// indicator (same family, different label or definition) in that year.
    /// </summary>
    LabelChange,

    /// <summary>
    /// Two releases of one figure (same basis) published at different dates; or the figures of one year on two
    /// bases, e.g. a first release and the level revised after a census (a census revision): a change of basis,
    /// never compared with growth.
    /// </summary>
    Revision,
}

/// <summary>The words a reader sees for an <see cref="AuditCheckKind"/>.</summary>
public static class AuditCheckKindText
{
    /// <summary>"growth against levels", "change of label", "revision".</summary>
    public static string Words(this AuditCheckKind kind) => kind switch
    {
        AuditCheckKind.GrowthVersusLevels => "growth against levels",
        AuditCheckKind.LabelChange => "change of label",
        _ => "revision",
    };
}
