namespace ZoneGrowth.Data;

/// <summary>One problem found in a data or catalog file.</summary>
/// <param name="Location">File, line and column.</param>
/// <param name="Found">The value found, exactly as read (empty when the cell was empty).</param>
/// <param name="Rule">The rule the value breaks.</param>
/// <param name="Advice">What to do about it.</param>
public sealed record ValidationIssue(SourceLocation Location, string Found, string Rule, string Advice)
{
    /// <summary>Reads as "file, line 3, column 4 (value): found "1,596.2": rule. advice".</summary>
    public override string ToString() => $"{Location}: found \"{Found}\": {Rule}. {Advice}";
}
