using System.Text;

namespace ZoneGrowth.Targets;

/// <summary>
/// The closing verdict on a target, written from the numbers so that prose can never contradict
/// the output: required growth against the growth the series showed, the probability under each
/// model in calibrated words (<see cref="Likelihood"/>), the scenarios that miss, the back-test,
/// and the caveats the data call for (few points, derived points, age of the last figure, a metric
/// conversion).
/// </summary>
public static class TargetVerdict
{
    /// <summary>Writes the verdict paragraph.</summary>
    /// <param name="assessment">The target against its series.</param>
    /// <param name="probabilities">The probability under each model (at least one).</param>
    /// <param name="scenarios">Scenario results to mention where they miss the target.</param>
    /// <param name="backTest">A back-test of an earlier plan, or null.</param>
    public static string Write(TargetAssessment assessment, IReadOnlyList<TargetProbability> probabilities, IReadOnlyList<ScenarioResult> scenarios, BackTest? backTest = null)
    {
        if (probabilities.Count == 0)
        {
            throw new ArgumentException("Give the probability under at least one model.", nameof(probabilities));
        }

        var target = assessment.Target;
        var series = assessment.Series;
        var required = assessment.RequiredGrowth;
        var low = probabilities.Min(p => p.Probability);
        var high = probabilities.Max(p => p.Probability);
        var text = new StringBuilder();

        text.Append(TargetMessages.Invariant($"Verdict: that {target.Zone} reaches its {target.Year} target of {target.Value:0.#} {target.Unit.Code} ({target.Indicator.ChineseName}) is {Likelihood.Describe(low)}"));
        text.Append(Likelihood.Describe(low) == Likelihood.Describe(high)
            ? " under every model fitted"
            : TargetMessages.Invariant($" to {Likelihood.Describe(high)}, depending on the model"));
        text.Append(TargetMessages.Invariant($" (P = {string.Join("; ", probabilities.Select(p => TargetMessages.Invariant($"{p.Probability:0.000} under the {p.ModelName}")))})."));

        var observed = series.Points.Where(p => !p.IsDerived && p.Observation.GrowthPercent is not null).ToArray();
        text.Append(TargetMessages.Invariant($" It needs {TargetMessages.Percent(required.AnnualRate)} a year from {required.Baseline:0.#} in {required.BaselineYear}"));
        text.Append(observed.Length == 0
            ? "."
            : TargetMessages.Invariant($", against published growth of {string.Join(", ", observed.Select(p => TargetMessages.Invariant($"{p.Observation.GrowthPercent:0.0##} % in {p.Year}")))}."));

        var misses = scenarios.Where(s => !s.Met).ToArray();
        if (misses.Length > 0)
        {
            text.Append(TargetMessages.Invariant($" Scenarios that miss it: {string.Join("; ", misses.Select(s => TargetMessages.Invariant($"\"{s.Name}\" ({s.ValueInTargetYear:0.#}, {TargetMessages.SignedPercent(s.MarginPercent)})")))}."));
        }
        else if (scenarios.Count > 0)
        {
            text.Append(TargetMessages.Invariant($" Every scenario tried meets it ({scenarios.Count})."));
        }

        if (backTest is not null)
        {
            var verdictThen = backTest.Scenarios.Count > 0 && backTest.Scenarios.All(s => s.Met) ? "met" : "not clearly met";
            text.Append(TargetMessages.Invariant($" Back-test: with data up to {backTest.LastDataYear}, the same reasoning judged the {backTest.Target.Year} target of {backTest.Target.Value:0.#} {verdictThen}"));
            text.Append(backTest.Outcome is null
                ? "; its outcome is not published yet."
                : TargetMessages.Invariant($"; the outcome was {backTest.Outcome.Value:0.#} ({(backTest.OutcomeMet == true ? "met" : "missed")}, {TargetMessages.SignedPercent(backTest.OutcomeMarginPercent!.Value)})."));
        }

        text.Append(" Caveats: ");
        var caveats = new List<string>
        {
            TargetMessages.Invariant($"the models assume growth continues as it did in {series.Points[0].Year}-{series.Points[^1].Year}, and rest on {series.Count} points"),
        };
        if (series.DerivedPoints.Count > 0)
        {
            caveats.Add(TargetMessages.Invariant($"{series.DerivedPoints.Count} of them derived from published growth rates ({string.Join(", ", series.DerivedPoints.Select(p => p.Year))})"));
        }

        caveats.Add(TargetMessages.Invariant($"the last published figure is for {required.BaselineYear}, {target.Year - required.BaselineYear} years before the target year"));
        caveats.Add("definitional breaks and revisions (see the consistency audit) are not modelled");
        if (assessment.Conversion is not null)
        {
            caveats.Add(assessment.Conversion.ToString().TrimEnd('.'));
        }

        text.Append(string.Join("; ", caveats)).Append('.');
        return text.ToString();
    }
}
