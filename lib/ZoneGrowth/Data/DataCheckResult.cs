namespace ZoneGrowth.Data;

/// <summary>The outcome of checking data files: a data set, or every problem found.</summary>
/// <param name="DataSet">The loaded data, or null when there were problems.</param>
/// <param name="Issues">Every problem, in file and line order; empty when the data loaded.</param>
/// <param name="Files">The data files read, with hash and row count.</param>
public sealed record DataCheckResult(DataSet? DataSet, IReadOnlyList<ValidationIssue> Issues, IReadOnlyList<DataFileInfo> Files)
{
    /// <summary>Whether the files loaded without a problem.</summary>
    public bool IsValid => DataSet is not null;
}
