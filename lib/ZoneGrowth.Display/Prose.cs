namespace ZoneGrowth.Display;

/// <summary>A paragraph written by the library for a reader, displayed as prose in the body font (never as monospace output).</summary>
/// <param name="Text">The paragraph.</param>
public sealed record Prose(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
