namespace ZoneGrowth.Data;

/// <summary>
/// Thrown when data files break the layout's rules. Carries every problem found, not only the
/// first, so that one fix-and-rerun cycle suffices.
/// </summary>
public sealed class DataValidationException : Exception
{
    /// <summary>Creates the exception from the problems found (at least one).</summary>
    public DataValidationException(IReadOnlyList<ValidationIssue> issues)
        : base(DataMessages.ValidationSummary(issues))
    {
        Issues = issues;
    }

    /// <summary>Every problem found, in file and line order.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }
}
