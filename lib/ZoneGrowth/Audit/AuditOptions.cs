namespace ZoneGrowth.Audit;

/// <summary>Tolerances of the consistency audit.</summary>
public sealed record AuditOptions
{
    /// <summary>
    /// Largest relative disagreement, per year of the span, between a level and the previous level
    /// grown at published nominal rates (default 1 %). Published rates are rounded to 0.1 point
    /// and levels to 0.1 亿元, so rounding alone stays far below this.
    /// </summary>
    public double NominalTolerance { get; init; } = 0.01;

    /// <summary>
    /// Lowest plausible annual price change (deflator) when published growth is real (default
    /// −2 %). Current-price levels grow by real growth times the deflator, so the audit allows
    /// levels to disagree with real growth by a deflator in [<see cref="DeflatorLow"/>,
    /// <see cref="DeflatorHigh"/>] a year.
    /// </summary>
    public double DeflatorLow { get; init; } = -0.02;

    /// <summary>
    /// Highest plausible annual deflator (default +5 %). China's GDP deflator stayed between
    /// about −1 % and +5 % a year in 2015-2024.
    /// </summary>
    public double DeflatorHigh { get; init; } = 0.05;

    /// <summary>The defaults.</summary>
    public static AuditOptions Default { get; } = new();
}
