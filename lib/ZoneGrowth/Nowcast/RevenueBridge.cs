namespace ZoneGrowth.Nowcast;

/// <summary>The ways the target series is bridged from related indicators where it is not published.</summary>
public enum RevenueBridge
{
    /// <summary>
    /// Revenue = (revenue ÷ core added value, latest year both are published) × core added value,
    /// the added value published, or its share of GDP × GDP on the original basis. Uses the digital
    /// economy's own figures, so a falling share of GDP counts. The headline when available.
    /// </summary>
    ViaAddedValue,

    /// <summary>
    /// Revenue = (revenue ÷ GDP, latest year both are published) × GDP on the original basis:
    /// assumes the digital economy keeps its share of the zone's economy.
    /// </summary>
    ViaGdp,

    /// <summary>
    /// As <see cref="ViaGdp"/> but with GDP levels on a revised basis taken as published (no
    /// census adjustment): the upper bound of what the bridge can say, shown to measure how much the
    /// basis matters.
    /// </summary>
    ViaGdpRevisedBasisAsPublished,

    /// <summary>
    /// As <see cref="ViaAddedValue"/> but with GDP after the last level on the original basis grown
    /// at real rates only: no price rise, and every unexplained jump in a revised level taken as
    /// revision. The low end of what the evidence allows, shown beside the headline.
    /// </summary>
    ViaAddedValueRealGrowthOnly,
}

/// <summary>Descriptions of <see cref="RevenueBridge"/>.</summary>
public static class RevenueBridgeText
{
    /// <summary>A short phrase for tables: "via added value".</summary>
    public static string Describe(this RevenueBridge bridge) => bridge switch
    {
        RevenueBridge.ViaAddedValue => "via added value",
        RevenueBridge.ViaGdp => "via GDP",
        RevenueBridge.ViaGdpRevisedBasisAsPublished => "via GDP, revised as published",
        RevenueBridge.ViaAddedValueRealGrowthOnly => "via added value, no price rise",
        _ => bridge.ToString(),
    };
}
