using ZoneGrowth.Data;

namespace ZoneGrowth.Nowcast;

/// <summary>One step of ln(revenue ÷ GDP) that ends in an economic census year.</summary>
/// <param name="FromYear">The step's first year.</param>
/// <param name="ToYear">The census year.</param>
/// <param name="Change">The change of ln(revenue ÷ GDP).</param>
/// <param name="DriftSd">The drift's scale per year from the other steps.</param>
/// <param name="DegreesOfFreedom">The number of other steps.</param>
/// <param name="ProbabilityLevelRevised">The probability that the census year's GDP level is the revised one.</param>
/// <param name="BayesFactor">Its Bayes factor for "revenue stays on its basis" against "revenue moves".</param>
/// <param name="Level">The census year's GDP row.</param>
public sealed record CensusYearStep(int FromYear, int ToYear, double Change, double DriftSd, double DegreesOfFreedom, double ProbabilityLevelRevised, double BayesFactor, Observation Level);
