namespace ZoneGrowth.Nowcast;

/// <summary>
/// Whether the target series moves with a census revision of GDP. An economic census revises GDP and
/// added value (the zone's by an unpublished amount); revenue (main business income) comes from
/// enterprises' own accounts and may or may not be revised with them. The bridges' ratios were
/// measured on the original basis, so the two cases bridge different levels.
/// </summary>
public enum RevenueBasis
{
    /// <summary>Revenue stays on the basis of its last published value: added value and GDP on a revised basis are put back on the original one (divided by the zone's revision).</summary>
    Original,

    /// <summary>Revenue moves with the census revision: it is bridged from added value and GDP on the revised basis, as published.</summary>
    Revised,
}

/// <summary>Descriptions of <see cref="RevenueBasis"/>.</summary>
public static class RevenueBasisText
{
    /// <summary>A phrase for tables: "revenue stays on its original basis".</summary>
    public static string Describe(this RevenueBasis basis) => basis switch
    {
        RevenueBasis.Original => "revenue stays on its original basis",
        _ => "revenue moves with the census revision",
    };
}
