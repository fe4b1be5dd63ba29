using Microsoft.Data.Analysis;
using ZoneGrowth.Forecasting;

namespace ZoneGrowth.Targets;

/// <summary>
/// A Monte Carlo of a target: the probability it is met in its year, the distribution of the
/// first year it is crossed, and simulated level quantiles per year (a fan chart).
/// </summary>
public sealed class TargetSimulation
{
    internal TargetSimulation(
        string modelName,
        Target target,
        MonteCarloOptions options,
        int firstYear,
        MonteCarloCounts counts,
        IReadOnlyList<FanYear> fan,
        double analyticProbability,
        MetricConversion? conversion)
    {
        ModelName = modelName;
        Target = target;
        Options = options;
        Counts = counts;
        Fan = fan;
        AnalyticProbability = analyticProbability;
        Conversion = conversion;
        FirstCrossing = counts.FirstCrossing.Take(counts.FirstCrossing.Count - 1)
            .Select((c, k) => (firstYear + k, (double)c / counts.Paths))
            .ToArray();
        HorizonYear = firstYear + counts.FirstCrossing.Count - 2;
    }

    /// <summary>The model simulated.</summary>
    public string ModelName { get; }

    /// <summary>The target.</summary>
    public Target Target { get; }

    /// <summary>The settings (paths, seed, horizon).</summary>
    public MonteCarloOptions Options { get; }

    /// <summary>The raw counts.</summary>
    public MonteCarloCounts Counts { get; }

    /// <summary>The last simulated year.</summary>
    public int HorizonYear { get; }

    /// <summary>The simulated P(level in the target year ≥ target).</summary>
    public double Probability => (double)Counts.Above / Counts.Paths;

    /// <summary>The Monte Carlo standard error of <see cref="Probability"/>: √(p(1 − p) ÷ n).</summary>
    public double StandardError => Math.Sqrt(Probability * (1 - Probability) / Counts.Paths);

    /// <summary>The closed-form probability from the same model, for comparison.</summary>
    public double AnalyticProbability { get; }

    /// <summary>For each simulated year, the share of paths that first reach the target in it.</summary>
    public IReadOnlyList<(int Year, double Probability)> FirstCrossing { get; }

    /// <summary>The share of paths that do not reach the target by <see cref="HorizonYear"/>.</summary>
    public double NotCrossedByHorizon => (double)Counts.FirstCrossing[^1] / Counts.Paths;

    /// <summary>Simulated level quantiles per year (empty unless fan probabilities were asked for).</summary>
    public IReadOnlyList<FanYear> Fan { get; }

    /// <summary>The metric conversion applied, or null.</summary>
    public MetricConversion? Conversion { get; }

    /// <summary>The first-crossing distribution as a DataFrame: year, probability (the last row, year 0, is "not by the horizon").</summary>
    public DataFrame FirstCrossingFrame() => new(
        new StringDataFrameColumn("first_year_at_target", FirstCrossing.Select(f => f.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(FormattableString.Invariant($"not by {HorizonYear}"))),
        new PrimitiveDataFrameColumn<double>("probability", FirstCrossing.Select(f => f.Probability).Append(NotCrossedByHorizon)));

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"Monte Carlo ({Counts.Paths} paths, seed {Options.Seed}) under the {ModelName}: P({Target.Indicator.Id} ≥ {Target.Value:0.#} {Target.Unit.Code} in {Target.Year}) = {Probability:0.0000} ± {StandardError:0.0000} (closed form {AnalyticProbability:0.0000}).")
        + (Conversion is null ? string.Empty : " " + Conversion);

    /// <summary>P(target met) as a key figure: the Monte Carlo estimate ± 2 standard errors (declared as such).</summary>
    /// <param name="notebookKey">The publishing notebook's key.</param>
    /// <param name="name">The figure's name within the notebook.</param>
    /// <param name="note">What the reader should know of the model, e.g. "sensitivity": appended to the description.</param>
    public Publishing.PublishedResult KeyFigure(string notebookKey, string name, string? note = null) =>
        Publishing.PublishedResult.Create(notebookKey, name, Probability, Math.Max(0, Probability - (2 * StandardError)), Math.Min(1, Probability + (2 * StandardError)), "probability",
            FormattableString.Invariant($"Monte Carlo P(target met in {Target.Year}) under the {ModelName} ({Counts.Paths:#,0} paths){(note is null ? string.Empty : ", " + note)}, ± 2 standard errors."),
            Publishing.IntervalKind.MonteCarlo);
}
