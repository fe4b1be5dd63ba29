namespace ZoneGrowth.Nowcast;

/// <summary>One observation of the log level in the state-space model: y = ln level, with a known variance.</summary>
/// <param name="Year">The year observed.</param>
/// <param name="LogValue">ln of the level.</param>
/// <param name="Variance">The observation's variance on the log scale (a standard deviation of 0.02 is about ±2 %).</param>
/// <param name="Kind">What kind of evidence it is.</param>
/// <param name="Description">Where it comes from, for tables: "reported", "bridged via added value", ...</param>
public sealed record StateSpaceObservation(int Year, double LogValue, double Variance, EvidenceKind Kind, string Description)
{
    /// <summary>The level: exp(<see cref="LogValue"/>).</summary>
    public double Level => Math.Exp(LogValue);

    /// <summary>The standard deviation on the log scale.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);
}
