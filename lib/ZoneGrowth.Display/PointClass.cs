
namespace ZoneGrowth.Display;

/// <summary>
/// How a point is drawn in the charts: one class per observation status, plus derived values.
/// Reported: filled circle; estimate: open square; target: star in the target colour; lower
/// bound: triangle-up; upper bound: triangle-down; approximate: open circle; derived: open diamond with a dashed connection
/// to the figure it was derived from.
/// </summary>
internal enum PointClass
{
    /// <summary>A published outcome.</summary>
    Reported,

    /// <summary>Published as expected before the final figures.</summary>
    Estimate,

    /// <summary>A plan's goal.</summary>
    Target,

    /// <summary>The true value is at least this.</summary>
    LowerBound,

    /// <summary>The true value is at most this.</summary>
    UpperBound,

    /// <summary>The value is about this.</summary>
    Approximate,

    /// <summary>Derived from a published figure (for example implied by a published growth rate).</summary>
    Derived,
}
