namespace ZoneGrowth.Targets;

/// <summary>
/// Thrown when a target is evaluated against a series of a different indicator without an
/// explicit conversion; the message explains the difference between the two.
/// </summary>
public sealed class MetricMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception with its explanation.</summary>
    public MetricMismatchException(string message)
        : base(message)
    {
    }
}
