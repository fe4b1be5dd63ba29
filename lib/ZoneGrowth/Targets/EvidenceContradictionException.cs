namespace ZoneGrowth.Targets;

/// <summary>
/// The figures of the data contradict each other under the outlook's model: its bounds (and the sources' silence)
/// leave no room for the other figures at any value of the scales, so no probability can be given until one is
/// corrected. The message names the lines. <c>check</c> reports it as a data problem (<see cref="TargetOutlook.Contradictions"/>).
/// </summary>
public sealed class EvidenceContradictionException : ArgumentException
{
    /// <summary>Creates the exception with its message.</summary>
    public EvidenceContradictionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and the bounds that leave no room.</summary>
    public EvidenceContradictionException(string message, IReadOnlyList<Data.Observation> bounds)
        : base(message)
    {
        Bounds = bounds;
    }

    /// <summary>The bounds that, with the other figures, leave no room (empty when unknown).</summary>
    public IReadOnlyList<Data.Observation> Bounds { get; } = [];

    /// <summary>Creates the exception with its message and cause.</summary>
    public EvidenceContradictionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the standard message.</summary>
    public EvidenceContradictionException()
    {
    }
}
