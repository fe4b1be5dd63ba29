using ZoneGrowth.Data;

namespace ZoneGrowth.Targets;

/// <summary>Whether a series may judge a target without a conversion (<see cref="TargetAssessment.Check"/>).</summary>
/// <param name="Series">The series offered.</param>
/// <param name="Target">The target.</param>
/// <param name="Accepted">Whether it measures the target's indicator in the target's zone.</param>
/// <param name="Reason">Why, in words for a reader.</param>
public sealed record MetricCheck(IndicatorSeries Series, Target Target, bool Accepted, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => (Accepted ? "Accepted. " : "Refused. ") + Reason;
}
