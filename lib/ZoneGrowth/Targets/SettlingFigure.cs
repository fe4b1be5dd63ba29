using ZoneGrowth.Data;

namespace ZoneGrowth.Targets;

/// <summary>
/// A figure not yet published that would move the answer: its indicator, year and basis, the value the model expects,
/// and where, once published, it would make the target likely (P ≥ 2/3) or unlikely (P &lt; 1/3). The thresholds are
/// found by adding the figure to the outlook's own model at trial values, so a figure entered at a threshold's far side
/// lands on the side stated.
/// </summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Year">The year.</param>
/// <param name="Basis">The basis it would be published on (empty: first published, or revenue unmarked).</param>
/// <param name="Name">In words: "the zone's 2024 revenue", "the zone's GDP for 2023 revised after the fifth national economic census".</param>
/// <param name="Expected">The median the model expects for it.</param>
/// <param name="VarianceRemoved">The share of the target year's variance it would remove, at the scales' estimates.</param>
/// <param name="Likely">The value at which P reaches 2/3, or null when it does not within four standard deviations of the expected value.</param>
/// <param name="Unlikely">The value at which P falls to 1/3, or null likewise.</param>
/// <param name="Rising">True when a higher value raises P.</param>
public sealed record SettlingFigure(IndicatorDefinition Indicator, int Year, string Basis, string Name, double Expected, double VarianceRemoved, double? Likely, double? Unlikely, bool Rising);
