namespace ZoneGrowth.Publishing;

/// <summary>
/// One choice an answer turns on, as a row of the answer's small table: the choice in a few words, its evidence in a
/// few words, and P under each of its ends (and its middle, where P is not monotone in it).
/// </summary>
/// <param name="Choice">The choice: "whether revenue moves with the census revision of GDP".</param>
/// <param name="Evidence">Its evidence: "the evidence gives 0.18 that it does".</param>
/// <param name="Cases">P under each end, in the order of the choice's range.</param>
public sealed record AnswerLever(string Choice, string Evidence, IReadOnlyList<AnswerCase> Cases)
{
    /// <summary>Equal when the texts are and the cases are, case by case.</summary>
    public bool Equals(AnswerLever? other) =>
        other is not null && Choice == other.Choice && Evidence == other.Evidence && Cases.SequenceEqual(other.Cases);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Choice, Evidence, Cases.Count);

    /// <summary>"whether revenue moves with the census revision of GDP (the evidence gives 0.18 that it does): 0.80 if it does not, 0.95 if it does".</summary>
    public override string ToString() =>
        Choice + (Evidence.Length > 0 ? " (" + Evidence + ")" : string.Empty)
        + (Cases.Count > 0 ? ": " + string.Join(", ", Cases.Select(c => KeyFigureText.Number(c.Probability, "probability") + " " + c.Condition)) : string.Empty);
}
