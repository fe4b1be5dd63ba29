namespace ZoneGrowth.Data;

/// <summary>
/// One row of <c>silences.csv</c>: a source that reviews a zone's years up to <paramref name="ThroughYear"/> and names
/// no figure of <paramref name="Indicator"/>, although reaching the indicator's target would have been worth naming.
/// A path of the outlook that had reached the target by then would have been named with probability
/// <paramref name="MentionProbability"/> (a judgement, stated with its reason in the note), so it is weighed by one
/// minus that. It is evidence only for a year the data give no figure of the indicator; otherwise the outlook drops
/// it and says so.
/// </summary>
/// <param name="Zone">The zone the source is about.</param>
/// <param name="Indicator">The indicator it names no figure of.</param>
/// <param name="ThroughYear">The last year the source covers.</param>
/// <param name="MentionProbability">The chance a crossing of the target by then would have been named (0: silence says nothing; 1: it would surely have been named).</param>
/// <param name="Source">The source's address or name.</param>
/// <param name="Quote">What it does say, verbatim, when useful (e.g. the figures it names instead).</param>
/// <param name="Note">Why the chance is what it is.</param>
/// <param name="Location">Where the row was read.</param>
public sealed record SilenceEvidence(string Zone, IndicatorDefinition Indicator, int ThroughYear, double MentionProbability, string Source, string Quote, string Note, SourceLocation Location);
