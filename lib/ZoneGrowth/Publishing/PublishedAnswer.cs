using System.Text.Json.Serialization;

namespace ZoneGrowth.Publishing;

/// <summary>
/// A notebook's answer to its question, the one type for it: what the notebook shows first, what the run's
/// <c>index.html</c> and the command line's summary open with, and what <c>results.json</c> keeps. Every view
/// renders it with <see cref="AnswerHtml"/> (or <see cref="ToString"/> as text), so it reads the same everywhere.
/// Read and written with <see cref="PublicationContract"/> (<see cref="PublicationContract.AnswerMimeType"/>).
/// </summary>
/// <param name="NotebookKey">The notebook's key, e.g. <c>03-target</c>; empty until the notebook publishes it.</param>
/// <param name="Question">The question, in one sentence.</param>
/// <param name="Headline">The answer in one sentence, with its numbers and their units.</param>
/// <param name="Probability">The headline probability, when the answer is one; else <c>null</c>.</param>
/// <param name="ConditionalOn">What the answer rests on, in full (a view may fold it).</param>
/// <param name="TurnsOn">The choices it turns on, the largest first, each with P at its ends (may be empty).</param>
/// <param name="SettledBy">What would settle the question, in one sentence.</param>
[JsonConverter(typeof(PublishedAnswerJsonConverter))]
public sealed record PublishedAnswer(string NotebookKey, string Question, string Headline, double? Probability, string ConditionalOn, IReadOnlyList<AnswerLever> TurnsOn, string SettledBy)
{
    /// <summary>The scale an answer's words are taken from.</summary>
    public const string Scale = "the IPCC's likelihood scale: virtually certain ≥ 0.99, very likely ≥ 0.90, likely ≥ 0.66, about as likely as not 0.33–0.66, unlikely ≤ 0.33";

    /// <summary>Checks and builds an answer.</summary>
    /// <exception cref="ArgumentException">An empty question or headline, or a probability outside [0, 1].</exception>
    public static PublishedAnswer Create(string notebookKey, string question, string headline, double? probability, string conditionalOn, IEnumerable<AnswerLever> turnsOn, string settledBy)
    {
        ArgumentNullException.ThrowIfNull(turnsOn);
        foreach (var (field, text) in new[] { ("question", question), ("headline", headline) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ArgumentException(PublicationMessages.EmptyAnswerText(field, text), field == "question" ? nameof(question) : nameof(headline));
            }
        }

        if (probability is { } p && !(p >= 0 && p <= 1))
        {
            throw new ArgumentException(PublicationMessages.AnswerProbability(p), nameof(probability));
        }

        return new PublishedAnswer(notebookKey ?? string.Empty, question, headline, probability, conditionalOn ?? string.Empty, turnsOn.ToArray(), settledBy ?? string.Empty);
    }

    /// <summary>The calibrated words of the headline ("likely", on <see cref="Scale"/>; "met" or "not met" once the outcome is published), or empty.</summary>
    public string Words { get; init; } = string.Empty;

    /// <summary>Where the spread of the answer's value comes from, in one sentence, the largest sources worded as spreads (may be empty).</summary>
    public string Spread { get; init; } = string.Empty;

    /// <summary>The probability the same question had with the data it is compared with (the previous vintage, or the shipped file), when they differ; else null.</summary>
    public double? WasProbability { get; init; }

    /// <summary>What moved the answer from <see cref="WasProbability"/>: one line per changed figure with its part in percentage points (empty when nothing is compared).</summary>
    public IReadOnlyList<string> Moved { get; init; } = [];

    /// <summary>The same answer as published by the notebook <paramref name="notebookKey"/>.</summary>
    public PublishedAnswer For(string notebookKey) =>
        string.IsNullOrWhiteSpace(notebookKey) ? throw new ArgumentException(PublicationMessages.EmptyAnswerText("notebook key", notebookKey), nameof(notebookKey)) : this with { NotebookKey = notebookKey };

    /// <summary>Equal when every field is, the lists compared item by item.</summary>
    public bool Equals(PublishedAnswer? other) =>
        other is not null && NotebookKey == other.NotebookKey && Question == other.Question && Headline == other.Headline
        && Probability == other.Probability && ConditionalOn == other.ConditionalOn && TurnsOn.SequenceEqual(other.TurnsOn) && SettledBy == other.SettledBy
        && Words == other.Words && Spread == other.Spread && WasProbability == other.WasProbability && Moved.SequenceEqual(other.Moved);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(NotebookKey, Question, Headline, Probability);

    /// <summary>The answer as plain text, in the order of its block: question, headline (with what it was), what it turns on, the spread, what would settle it.</summary>
    public override string ToString() => AnswerHtml.Text(this);
}
