namespace ZoneGrowth.Targets;

/// <summary>
/// The verdict: the answer (<see cref="Publishing.PublishedAnswer"/>) expanded, in short sections written from the
/// numbers: what the answer turns on, how the bridged value is built and how uncertain it is, the
/// evidence that constrains it, the extrapolations kept as sensitivity, the out-of-sample record, the
/// Monte Carlo check, and what would settle it.
/// </summary>
/// <param name="Answer">The answer it expands.</param>
/// <param name="Sections">Headed paragraphs, in reading order.</param>
public sealed record OutlookVerdict(Publishing.PublishedAnswer Answer, IReadOnlyList<(string Heading, string Text)> Sections)
{
    /// <summary>The verdict as plain text: each section's heading, then its paragraph.</summary>
    public override string ToString() =>
        string.Join(Environment.NewLine + Environment.NewLine, Sections.Select(s => s.Heading + ". " + s.Text));
}
