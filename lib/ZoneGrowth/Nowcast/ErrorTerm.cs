namespace ZoneGrowth.Nowcast;

/// <summary>An error component entering a log quantity with a loading: +1 as a factor, −1 as a divisor.</summary>
/// <param name="Component">The error.</param>
/// <param name="Loading">How many times it enters (negative when divided by).</param>
public sealed record ErrorTerm(ErrorComponent Component, double Loading);
