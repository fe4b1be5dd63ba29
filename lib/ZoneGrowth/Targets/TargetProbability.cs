using ZoneGrowth.Forecasting;

namespace ZoneGrowth.Targets;

/// <summary>The probability that a target is met in its year under a growth model.</summary>
/// <param name="ModelName">The model's name.</param>
/// <param name="Target">The target.</param>
/// <param name="Predictive">The model's predictive distribution of ln(level) in the target year, in the series' units.</param>
/// <param name="Probability">P(level in the target year ≥ target), analytically from the t predictive distribution.</param>
/// <param name="Conversion">The metric conversion applied, or null.</param>
/// <param name="ProbabilityAtLowRatio">With a conversion: the probability at its lowest ratio; otherwise equal to <paramref name="Probability"/>.</param>
/// <param name="ProbabilityAtHighRatio">With a conversion: the probability at its highest ratio; otherwise equal to <paramref name="Probability"/>.</param>
public sealed record TargetProbability(
    string ModelName,
    Target Target,
    LogPredictive Predictive,
    double Probability,
    MetricConversion? Conversion,
    double ProbabilityAtLowRatio,
    double ProbabilityAtHighRatio)
{
    /// <summary>P(target met) as a key figure (closed form, no interval).</summary>
    /// <param name="notebookKey">The publishing notebook's key.</param>
    /// <param name="name">The figure's name within the notebook.</param>
    /// <param name="note">What the reader should know of the model, e.g. "sensitivity": appended to the description.</param>
    public Publishing.PublishedResult KeyFigure(string notebookKey, string name, string? note = null) =>
        Publishing.PublishedResult.Create(notebookKey, name, Probability, null, null, "probability",
            FormattableString.Invariant($"Closed-form P(target met in {Target.Year}) under the {ModelName}{(note is null ? string.Empty : ", " + note)}."));

    /// <summary>A sentence for prose: "Under the random walk with drift, P(... ≥ 6000 亿元 in 2025) = 0.87."</summary>
    public override string ToString() =>
        FormattableString.Invariant($"Under the {ModelName}, the probability that {Target.Zone} {Target.Indicator.Id} reaches {Target.Value:0.#} {Target.Unit.Code} in {Target.Year} is {Probability:0.000} (median {Predictive.Median:0.#}, 90 % interval {Predictive.Quantile(0.05):0.#} to {Predictive.Quantile(0.95):0.#}).")
        + (Conversion is null ? string.Empty : " " + Conversion + FormattableString.Invariant($" Probability over that range: {ProbabilityAtLowRatio:0.000} to {ProbabilityAtHighRatio:0.000}."));
}
