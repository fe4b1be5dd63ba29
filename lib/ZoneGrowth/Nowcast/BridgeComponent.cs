namespace ZoneGrowth.Nowcast;

/// <summary>
/// One independent source of error in a bridge factor, on the log scale. Components with the same
/// key in two bridged values are the same draw: the 2021 ratio's drift up to 2023 is in the 2023,
/// 2024 and 2025 values alike, so their errors are correlated by exactly that variance.
/// </summary>
/// <param name="Key">What the error is, unique per draw: "revenue ÷ added value, step 2023".</param>
/// <param name="Variance">Its variance on the log scale.</param>
public sealed record BridgeComponent(string Key, double Variance);
