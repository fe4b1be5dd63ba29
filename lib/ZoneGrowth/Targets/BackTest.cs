using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;

namespace ZoneGrowth.Targets;

/// <summary>
/// Judges an earlier plan's target with the same machinery, using only data for years up to the
/// plan's cut-off, and sets the verdict beside the published outcome: how a reader learns
/// whether to trust a verdict on a current target. Models that cannot be fitted to so few points
/// are listed with the reason instead of being forced.
/// </summary>
public sealed class BackTest
{
    private BackTest(
        int lastDataYear,
        TargetAssessment assessment,
        IReadOnlyList<ScenarioResult> scenarios,
        IReadOnlyList<TargetProbability> probabilities,
        IReadOnlyList<string> modelsNotFitted,
        SeriesPoint? outcome)
    {
        LastDataYear = lastDataYear;
        Assessment = assessment;
        Scenarios = scenarios;
        Probabilities = probabilities;
        ModelsNotFitted = modelsNotFitted;
        Outcome = outcome;
    }

    /// <summary>The last year whose data the back-test uses.</summary>
    public int LastDataYear { get; }

    /// <summary>The assessment as it could have been made then (series up to the cut-off, with implied levels).</summary>
    public TargetAssessment Assessment { get; }

    /// <summary>The target judged.</summary>
    public Target Target => Assessment.Target;

    /// <summary>
    /// The scenarios run: the last published growth rate continuing, and the average growth
    /// between the first and last published (not derived) values when there are two or more.
    /// </summary>
    public IReadOnlyList<ScenarioResult> Scenarios { get; }

    /// <summary>The probability under each model that could be fitted.</summary>
    public IReadOnlyList<TargetProbability> Probabilities { get; }

    /// <summary>Why a model could not be fitted (too few points), one line each.</summary>
    public IReadOnlyList<string> ModelsNotFitted { get; }

    /// <summary>The reported value in the target year, from the full data; null when not yet published.</summary>
    public SeriesPoint? Outcome { get; }

    /// <summary>Whether the published outcome met the target; null when there is no outcome yet.</summary>
    public bool? OutcomeMet => Outcome is null ? null : Outcome.Value >= Target.Value;

    /// <summary>Outcome ÷ target − 1; null when there is no outcome yet.</summary>
    public double? OutcomeMarginPercent => Outcome is null ? null : (Outcome.Value / Target.Value) - 1;

    /// <summary>
    /// Runs a back-test: the indicator's reported series up to <paramref name="lastDataYear"/> (with
    /// the previous-year levels its growth rates imply) against the target for
    /// <paramref name="targetYear"/>.
    /// </summary>
    public static BackTest Run(DataSet data, string indicator, int lastDataYear, int targetYear, string? zone = null)
    {
        var full = data.Series(indicator, zone);
        var series = full.Until(lastDataYear);
        if (series.Indicator.GrowthBasis == GrowthBasis.Nominal)
        {
            series = series.WithImpliedPreviousYears();
        }

        var target = Target.Find(data, indicator, targetYear, full.Zone);
        var assessment = TargetAssessment.Create(series, target);
        var scenarios = new List<GrowthScenario>();
        if (assessment.Baseline.Observation.GrowthPercent is { } lastGrowth)
        {
            scenarios.Add(GrowthScenario.Constant(FormattableString.Invariant($"last published growth ({lastGrowth:0.0##} %) continues"), lastGrowth / 100));
        }

        var published = series.Points.Where(p => !p.IsDerived).ToArray();
        if (published.Length >= 2)
        {
            var first = published[0];
            var last = published[^1];
            var rate = Math.Pow(last.Value / first.Value, 1.0 / (last.Year - first.Year)) - 1;
            scenarios.Add(GrowthScenario.Constant(FormattableString.Invariant($"average growth {first.Year}-{last.Year} ({Publishing.KeyFigureText.Percent(rate)}) continues"), rate));
        }

        var probabilities = new List<TargetProbability>();
        var notFitted = new List<string>();
        foreach (var fit in new Func<IndicatorSeries, IGrowthModel>[] { LogLinearTrendModel.Fit, RandomWalkWithDrift.Fit })
        {
            try
            {
                probabilities.Add(assessment.Probability(fit(series)));
            }
            catch (Exception e) when (e is ArgumentException or Regression.RegressionException)
            {
                notFitted.Add(e.Message);
            }
        }

        return new BackTest(lastDataYear, assessment, assessment.Evaluate(scenarios), probabilities, notFitted, full.PointAt(targetYear));
    }

    /// <summary>The verdict beside the outcome, in one paragraph, every level in the target's unit.</summary>
    public Publishing.Prose Summary()
    {
        var required = Assessment.RequiredGrowth;
        var unit = Target.Unit.Code;
        var text = FormattableString.Invariant($"With data up to {LastDataYear}, the {Target.Year} target of {Target.ValueText} needed {Publishing.KeyFigureText.Value(required.AnnualRate, "per year")} from {(Assessment.Baseline.IsDerived ? Level(required.Baseline, unit) : Publishing.KeyFigureText.Published(Assessment.Baseline.Observation))} in {required.BaselineYear}.");
        foreach (var s in Scenarios)
        {
            text += FormattableString.Invariant($" If the {s.Name}: {Level(s.ValueInTargetYear, unit)} in {Target.Year}, {(s.Met ? "met" : "not met")} ({Publishing.KeyFigureText.Signed(s.MarginPercent)}).");
        }

        foreach (var p in Probabilities)
        {
            text += FormattableString.Invariant($" Under the {p.ModelName}, P(met) = {Publishing.KeyFigureText.Number(p.Probability, "probability")}.");
        }

        if (ModelsNotFitted.Count > 0)
        {
            text += FormattableString.Invariant($" No probability could be estimated: {(ModelsNotFitted.Count == 1 ? "the model needs" : "the models need")} more points than the {Assessment.Series.Count} available.");
        }

        text += Outcome is null
            ? " The outcome is not published yet."
            : FormattableString.Invariant($" Outcome: {Publishing.KeyFigureText.Published(Outcome.Observation)} in {Target.Year}, {(OutcomeMet == true ? "met" : "not met")} ({Publishing.KeyFigureText.Signed(OutcomeMarginPercent!.Value)}).");
        return new Publishing.Prose(text);
    }

    /// <inheritdoc cref="Summary"/>
    public override string ToString() => Summary().Text;

    private static string Level(double value, string unit) => Publishing.KeyFigureText.Value(value, unit);
}
