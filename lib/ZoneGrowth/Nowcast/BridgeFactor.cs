namespace ZoneGrowth.Nowcast;

/// <summary>
/// One multiplicative step of a bridge, with its uncertainty on the log scale: e.g. "revenue ÷
/// added value in 2021 = 2.981, sd 0.07 after four years of drift".
/// </summary>
/// <param name="Name">What the factor is.</param>
/// <param name="Value">Its value.</param>
/// <param name="LogSd">Its standard deviation on the log scale (0 for an exact factor).</param>
/// <param name="Evidence">Where it comes from: the figures and years it was computed from.</param>
public sealed record BridgeFactor(string Name, double Value, double LogSd, string Evidence)
{
    private readonly IReadOnlyList<BridgeComponent>? _components;

    /// <summary>
    /// The independent errors the factor's variance is made of (their variances add up to
    /// LogSd²). A factor shared by several bridged years (the same ratio, the same revision) has the
    /// same component keys in each, which makes their errors correlated. By default one component
    /// keyed by the factor's name.
    /// </summary>
    public IReadOnlyList<BridgeComponent> Components
    {
        get => _components ?? [new BridgeComponent(Name, LogSd * LogSd)];
        init => _components = value;
    }

    /// <summary>A factor whose variance is the sum of the given components'.</summary>
    public static BridgeFactor Of(string name, double value, string evidence, params IReadOnlyList<BridgeComponent> components) =>
        new(name, value, Math.Sqrt(components.Sum(c => c.Variance)), evidence) { Components = components };
}
