using System.Globalization;
using System.Text;
using ZoneGrowth.Data;

namespace ZoneGrowth.Cli;

/// <summary>The terminal form of a validation report: each problem with where, what, rule and fix.</summary>
internal static class DataReportText
{
    public static string UnknownOption(string token) => $"Unknown option \"{token}\". Options of check: --catalog PATH.";

    public static string Problems(IReadOnlyList<ValidationIssue> issues)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{issues.Count} problem{(issues.Count == 1 ? string.Empty : "s")} found; nothing was loaded.");
        foreach (var issue in issues)
        {
            text.AppendLine().AppendLine();
            text.Append(issue.Location).Append(": found \"").Append(issue.FoundShown).Append('"').AppendLine();
            text.Append("  rule: ").Append(issue.Rule).AppendLine();
            text.Append("  fix:  ").Append(issue.Advice);
        }

        return text.ToString();
    }
}
