using System.Text.Json.Serialization;

namespace ZoneGrowth.Publishing;

/// <summary>
/// A notebook's answer to its question, published once: the block that opens the notebook, the run's
/// <c>index.html</c> and the command line's summary, and that <c>results.json</c> keeps. Read and written with
/// <see cref="PublicationContract"/> (<see cref="PublicationContract.AnswerMimeType"/>).
/// </summary>
/// <param name="NotebookKey">The notebook's key, e.g. <c>03-target</c>.</param>
/// <param name="Question">The question, in one sentence.</param>
/// <param name="Headline">The answer in one sentence, with its numbers and their units.</param>
/// <param name="Probability">The headline probability, when the answer is one; else <c>null</c>.</param>
/// <param name="ConditionalOn">What the answer rests on.</param>
/// <param name="TurnsOn">The stated choices it turns on, the largest first (may be empty).</param>
/// <param name="SettledBy">The published figure that would settle the question.</param>
[JsonConverter(typeof(PublishedAnswerJsonConverter))]
public sealed record PublishedAnswer(string NotebookKey, string Question, string Headline, double? Probability, string ConditionalOn, IReadOnlyList<string> TurnsOn, string SettledBy)
{
    /// <summary>Checks and builds an answer.</summary>
    /// <exception cref="ArgumentException">An empty key, question or headline, or a probability outside [0, 1].</exception>
    public static PublishedAnswer Create(string notebookKey, string question, string headline, double? probability, string conditionalOn, IEnumerable<string> turnsOn, string settledBy)
    {
        ArgumentNullException.ThrowIfNull(turnsOn);
        foreach (var (field, text) in new[] { ("notebook key", notebookKey), ("question", question), ("headline", headline) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ArgumentException(PublicationMessages.EmptyAnswerText(field, text), field == "notebook key" ? nameof(notebookKey) : field == "question" ? nameof(question) : nameof(headline));
            }
        }

        if (probability is { } p && !(p >= 0 && p <= 1))
        {
            throw new ArgumentException(PublicationMessages.AnswerProbability(p), nameof(probability));
        }

        return new PublishedAnswer(notebookKey, question, headline, probability, conditionalOn ?? string.Empty, turnsOn.ToArray(), settledBy ?? string.Empty);
    }

    /// <summary>The probability the same question had with the data it is compared with (the previous vintage, or the shipped file), when they differ; else null.</summary>
    public double? WasProbability { get; init; }

    /// <summary>What moved the answer from <see cref="WasProbability"/>: one line per changed figure with its part in percentage points (empty when nothing is compared).</summary>
    public IReadOnlyList<string> Moved { get; init; } = [];

    /// <summary>Equal when every field is, the lists compared item by item.</summary>
    public bool Equals(PublishedAnswer? other) =>
        other is not null && NotebookKey == other.NotebookKey && Question == other.Question && Headline == other.Headline
        && Probability == other.Probability && ConditionalOn == other.ConditionalOn && TurnsOn.SequenceEqual(other.TurnsOn) && SettledBy == other.SettledBy
        && WasProbability == other.WasProbability && Moved.SequenceEqual(other.Moved);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(NotebookKey, Question, Headline, Probability);
}
