namespace ZoneGrowth.Nowcast;

/// <summary>The related indicator the target series is bridged through where it is not published.</summary>
public enum RevenueBridge
{
    /// <summary>
    /// Revenue = (revenue ÷ core added value, the latest year both are published) × core added value:
    /// the added value published, or its share of GDP × GDP. Uses the digital economy's own figures,
    /// so a falling share of GDP counts. The headline when it reaches the target year.
    /// </summary>
    ViaAddedValue,

    /// <summary>
    /// Revenue = (revenue ÷ GDP, the latest year both are published) × GDP: assumes the digital
    /// economy keeps its share of the zone's economy.
    /// </summary>
    ViaGdp,
}

/// <summary>Descriptions of <see cref="RevenueBridge"/>.</summary>
public static class RevenueBridgeText
{
    /// <summary>A short phrase for tables: "via added value".</summary>
    public static string Describe(this RevenueBridge bridge) => bridge switch
    {
        RevenueBridge.ViaAddedValue => "via added value",
        _ => "via GDP",
    };
}
