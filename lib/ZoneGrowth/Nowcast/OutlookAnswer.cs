namespace ZoneGrowth.Nowcast;

/// <summary>
/// The answer first, as a central bank's forecast box gives it: the question; the headline probability
/// in calibrated words and numbers, with the target year's value and its interval; what the number is
/// conditional on; the stated choices it turns on, each with P at its ends; and the published figure
/// that would settle it. Written by the library from the outlook's numbers (and its simulation, for the
/// value's interval), so the words follow the data. <see cref="OutlookVerdict"/> expands it.
/// </summary>
/// <param name="Question">The question, with the target in its unit and the indicator's published name.</param>
/// <param name="Probability">The headline P(target met).</param>
/// <param name="Words">The calibrated words for it (IPCC: likely ≥ 0.66, very likely ≥ 0.90, ...).</param>
/// <param name="Headline">The answer in one sentence: words, P, and the target year's value with its 90 % interval.</param>
/// <param name="ConditionalOn">What the number rests on: the evidence and the stated priors.</param>
/// <param name="TurnsOn">The stated choices the answer turns on, the largest first, each with P at its ends and the prior's weight.</param>
/// <param name="Settle">The published figure that would settle the question, and what short of it would move the answer most.</param>
public sealed record OutlookAnswer(string Question, double Probability, string Words, string Headline, string ConditionalOn, IReadOnlyList<string> TurnsOn, string Settle)
{
    /// <summary>The scale the words are taken from.</summary>
    public const string Scale = "the IPCC's likelihood scale: virtually certain ≥ 0.99, very likely ≥ 0.90, likely ≥ 0.66, about as likely as not 0.33–0.66, unlikely ≤ 0.33";

    /// <summary>The probability with the data compared with (an earlier vintage, or the shipped file) when they differ; else null.</summary>
    public double? WasProbability { get; init; }

    /// <summary>What moved it: each changed figure with its part, in percentage points (empty when nothing is compared).</summary>
    public IReadOnlyList<string> Moved { get; init; } = [];

    /// <summary>The answer as a notebook publishes it (<see cref="Publishing.PublishedAnswer"/>): for the run's index page, its summary and <c>results.json</c>.</summary>
    /// <param name="notebookKey">The notebook's key, e.g. <c>03-target</c>.</param>
    public Publishing.PublishedAnswer ToPublished(string notebookKey) =>
        Publishing.PublishedAnswer.Create(notebookKey, Question, Headline, Probability, ConditionalOn, TurnsOn, Settle) with { WasProbability = WasProbability, Moved = Moved };

    /// <summary>The block as plain text, one paragraph per part.</summary>
    public override string ToString() =>
        string.Join(Environment.NewLine + Environment.NewLine, new[] { Question, Headline, "Conditional on: " + ConditionalOn }
            .Concat(TurnsOn.Select((t, i) => (i == 0 ? "It turns on: " : "Then: ") + t))
            .Append("Settled by: " + Settle)
            .Concat(WasProbability is { } was ? ["Was P = " + Publishing.KeyFigureText.Number(was, "probability") + ": " + string.Join("; ", Moved)] : []));
}
