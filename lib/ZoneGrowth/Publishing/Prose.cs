namespace ZoneGrowth.Publishing;

/// <summary>
/// A paragraph written by the library for a reader: a notebook shows it as prose in the body font, never as
/// monospace output (the workbook's display layer registers its formatter).
/// </summary>
/// <param name="Text">The paragraph.</param>
public sealed record Prose(string Text)
{
    /// <summary>Two paragraphs' sentences as one paragraph.</summary>
    public static Prose operator +(Prose first, Prose second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new Prose(first.Text + " " + second.Text);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
