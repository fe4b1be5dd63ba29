namespace ZoneGrowth.Data;

/// <summary>One problem found in a data or catalog file.</summary>
/// <param name="Location">File, line and column.</param>
/// <param name="Found">The value found, exactly as read (empty when the cell was empty).</param>
/// <param name="Rule">The rule the value breaks.</param>
/// <param name="Advice">What to do about it.</param>
public sealed record ValidationIssue(SourceLocation Location, string Found, string Rule, string Advice)
{
    /// <summary>The longest found value <see cref="ToString"/> prints whole; longer ones are cut, saying how long they were.</summary>
    public const int MaxShownLength = 200;

    /// <summary>The found value as printed: control characters escaped (\u0000), cut to <see cref="MaxShownLength"/> characters.</summary>
    public string FoundShown
    {
        get
        {
            var escaped = string.Concat(Found.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
            return escaped.Length <= MaxShownLength
                ? escaped
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{escaped[..MaxShownLength]}… ({Found.Length} characters in all)");
        }
    }

    /// <summary>Reads as "file, line 3, column 4 (value): found "1,596.2": rule. advice".</summary>
    public override string ToString() => $"{Location}: found \"{FoundShown}\": {Rule}. {Advice}";
}
