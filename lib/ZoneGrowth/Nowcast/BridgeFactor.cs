namespace ZoneGrowth.Nowcast;

/// <summary>
/// One multiplicative step of a bridge, with its uncertainty on the log scale: e.g. "revenue ÷
/// added value in 2021 = 2.981, sd 0.07 after four years of drift".
/// </summary>
/// <param name="Name">What the factor is.</param>
/// <param name="Value">Its value.</param>
/// <param name="LogSd">Its standard deviation on the log scale (0 for an exact factor).</param>
/// <param name="Evidence">Where it comes from: the figures and years it was computed from.</param>
public sealed record BridgeFactor(string Name, double Value, double LogSd, string Evidence);
