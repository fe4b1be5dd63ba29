using System.Text.RegularExpressions;

namespace ZoneGrowth.Display;

/// <summary>One cell of a <see cref="Table"/>: text (always HTML-escaped when rendered) and optional styling.</summary>
/// <param name="Text">The cell's text.</param>
/// <param name="Background">A background colour as <c>#rrggbb</c>, or null.</param>
/// <param name="Italic">Whether the text is set in italics (used to mark estimates, targets and derived values).</param>
/// <param name="Tooltip">Text shown on hover (the <c>title</c> attribute), or null.</param>
/// <param name="Numeric">Whether the text is a number, set right-aligned and unbroken.</param>
/// <param name="Source">
/// The full address of the source a shortened <paramref name="Text"/> stands for, or null: a report page numbers each
/// source cell and lists the addresses in full at its end, where print shows no tooltip.
/// </param>
public sealed partial record TableCell(string Text, string? Background = null, bool Italic = false, string? Tooltip = null, bool Numeric = false, string? Source = null)
{
    /// <summary>Whether <see cref="Background"/> is a valid <c>#rrggbb</c> colour (anything else is not rendered).</summary>
    public bool HasValidBackground => Background is not null && HexColour().IsMatch(Background);

    /// <summary>A plain cell.</summary>
    public static implicit operator TableCell(string text) => new(text);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
