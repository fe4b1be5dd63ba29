namespace ZoneGrowth.Nowcast;

/// <summary>
/// The sources' silence as evidence: a review that covers the years up to <paramref name="ThroughYear"/>
/// names no figure of the target series, although a crossing of the target would have been worth
/// naming. A path that crossed the target by then would have been mentioned with probability
/// <paramref name="MentionProbability"/>, so it is weighed by 1 − that; a path that did not cross is
/// as likely to meet silence whatever happened. 0 is no evidence, 1 a certainty that a crossing would
/// have been named; a uniform prior over that chance is the same as 0.5.
/// </summary>
/// <param name="ThroughYear">The last year the silent source covers.</param>
/// <param name="MentionProbability">The chance a crossing by then would have been named.</param>
/// <param name="Source">What the silent source is, with its address.</param>
public sealed record SilenceEvidence(int ThroughYear, double MentionProbability, string Source);
