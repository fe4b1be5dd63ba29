namespace ZoneGrowth.Data;

/// <summary>How one indicator's level is tied to another's (<c>relations.csv</c>).</summary>
public enum RelationKind
{
    /// <summary>
    /// The indicator is a multiple of the other that drifts from year to year, measured where both are published
    /// (revenue ≈ ratio × core added value). The indicator is not national accounts: whether a census revision of the
    /// other moves it is an open question, weighed both ways.
    /// </summary>
    Ratio,

    /// <summary>
    /// The indicator is a share of the other that drifts from year to year (core added value = its share of GDP ×
    /// GDP), the share possibly published in an indicator of its own, in percent. Both are national accounts: a census
    /// revision revises both, so the share has no basis.
    /// </summary>
    Share,
}
