namespace ZoneGrowth.Regression;

/// <summary>The shape of a piecewise log-linear trend around a break year B.</summary>
public enum PiecewiseTrendForm
{
    /// <summary>
    /// Continuous "hinge" (broken stick): ln(v) = a + b·(year − base) + c·max(0, year − B).
    /// The line bends at B without a jump; the slope is b before and b + c after.
    /// </summary>
    Hinge = 0,

    /// <summary>
    /// Separate intercept and slope from B on: ln(v) = a + b·(year − base) + d·D + e·D·(year − base), D = 1 when year ≥ B.
    /// Equivalent to two independent lines (before B; B and after) with a pooled residual variance; allows a jump at B.
    /// </summary>
    SeparateSegments,
}
