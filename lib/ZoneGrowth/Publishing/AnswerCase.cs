namespace ZoneGrowth.Publishing;

/// <summary>The answer's probability under one end (or the middle) of a choice it turns on: "0.80 if it does not".</summary>
/// <param name="Condition">The case in a few words, read after the probability: "if it does not", "at −1.6 % a year".</param>
/// <param name="Probability">P under it.</param>
public sealed record AnswerCase(string Condition, double Probability);
