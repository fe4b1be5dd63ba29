using ZoneGrowth.Data;
using ZoneGrowth.Publishing;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// Writes the outlook's answer and verdict from its numbers. Every probability is written by the one rule for
/// probabilities (<see cref="KeyFigureText"/>: two decimals), published levels at their published precision, model
/// estimates to three significant digits, rates as signed percentages, so the same number reads the same in the
/// answer, the verdict, the tables and the key figures.
/// </summary>
internal static class OutlookWriter
{
    private static string P(double p) => KeyFigureText.Number(p, "probability");

    /// <summary>"P = 0.69", or "P &lt; 0.01" and "P &gt; 0.99" at the ends (never "P = &lt; 0.01").</summary>
    private static string PIs(double p) => P(p) is var text && (text.StartsWith('<') || text.StartsWith('>')) ? "P " + text : "P = " + text;

    private static string Signed(double rate) => KeyFigureText.Signed(rate);

    /// <summary>The choices and sources of spread the answer turns on, the widest first: the width of P over each, and a sentence.</summary>
    public static IReadOnlyList<(double Width, string Text)> Levers(TargetOutlook outlook)
    {
        var levers = new List<(double, string)>();
        if (outlook.Outcome is not null)
        {
            return levers;
        }

        var cases = outlook.Cases.ToDictionary(c => c.Kind);
        if (outlook.PricePrior is { } prior && outlook.PriceCurve.Count > 0)
        {
            var (low, high) = outlook.ProbabilityRange;
            var (pLow, pHigh) = outlook.PriceQuantiles(0.05, 0.95);
            var noRise = cases.TryGetValue(OutlookCaseKind.NoPriceRise, out var none) ? NowcastMessages.Invariant($"; {PIs(none.Probability)} if they did not rise") : string.Empty;
            levers.Add((high - low, NowcastMessages.Invariant(
                $"the zone's price growth in {Years(prior.Years)}, not published: given the evidence it lies between {Signed(Math.Exp(pLow) - 1)} and {Signed(Math.Exp(pHigh) - 1)} a year (90 %), over which P runs from {P(low)} to {P(high)}{noRise}")));
        }

        if (cases.TryGetValue(OutlookCaseKind.RevenueOriginalBasis, out var original) && cases.TryGetValue(OutlookCaseKind.RevenueRevisedBasis, out var revised))
        {
            levers.Add((Math.Abs(revised.Probability - original.Probability), NowcastMessages.Invariant(
                $"whether revenue moves with the census revision of GDP: {PIs(original.Probability)} if it does not, {P(revised.Probability)} if it does; the evidence gives {P(outlook.BasisPosterior[RevenueBasis.Revised])} that it does")));
        }

        if (cases.TryGetValue(OutlookCaseKind.DriftOnFirstLink, out var onFirst) && cases.TryGetValue(OutlookCaseKind.DriftOnSecondLink, out var onSecond)
            && cases.TryGetValue(OutlookCaseKind.DriftSplitEvenly, out var even) && outlook.Model.DriftSplit is { } split)
        {
            // The width is P's spread over the split, its middle included: P need not lie between the two ends.
            var (first, second) = (NowcastMessages.LinkWords(outlook.Model, split.First), NowcastMessages.LinkWords(outlook.Model, split.Second));
            double[] all = [onFirst.Probability, even.Probability, onSecond.Probability];
            levers.Add((all.Max() - all.Min(), NowcastMessages.Invariant(
                $"how the drift of {outlook.Chain[0].Short} ÷ {outlook.Chain[^1].Short} splits between {first} and {second}: {PIs(onFirst.Probability)} if all of it is in {first}, {P(even.Probability)} if it splits evenly, {P(onSecond.Probability)} if all of it is in {second}")));
        }

        if (outlook.Silence is { } silence && cases.TryGetValue(OutlookCaseKind.SilenceNotWeighed, out var ignored) && cases.TryGetValue(OutlookCaseKind.SilenceCertain, out var certain))
        {
            levers.Add((Math.Abs(ignored.Probability - certain.Probability), NowcastMessages.Invariant(
                $"how much the silence of {silence.Source} says: {PIs(ignored.Probability)} if nothing, {P(certain.Probability)} if a crossing by {silence.ThroughYear} would surely have been named (weighed at {P(silence.MentionProbability)})")));
        }

        return levers.OrderByDescending(l => l.Item1).ToArray();
    }

    public static OutlookAnswer Answer(TargetOutlook outlook, OutlookSimulation? simulation)
    {
        var target = outlook.Target;
        var question = NowcastMessages.Invariant(
            $"Will {target.Zone} reach its {target.Year} target of {target.ValueText} of {target.Indicator.EnglishNameInSentence} ({target.Indicator.ChineseName})?");
        string headline;
        string words;
        if (outlook.Outcome is { } outcome)
        {
            words = outlook.Probability >= 1 ? "met" : "not met";
            headline = NowcastMessages.Invariant($"{char.ToUpperInvariant(words[0])}{words[1..]}: {NowcastMessages.OutcomeSentence(outcome, target)}");
        }
        else
        {
            words = Likelihood.Describe(outlook.Probability);
            var estimate = simulation?.Years.FirstOrDefault(y => y.Year == target.Year) is { } year
                ? NowcastMessages.Invariant($" {target.Year} {target.Indicator.Short}: about {KeyFigureText.Estimate(At(year, 0.5), target.Unit.Code)} (90 % interval {KeyFigureText.Estimate(At(year, 0.05), "")} to {KeyFigureText.Estimate(At(year, 0.95), target.Unit.Code)}).")
                : string.Empty;
            headline = NowcastMessages.Invariant($"{char.ToUpperInvariant(words[0])}{words[1..]}: {PIs(outlook.Probability)} that it is met.{estimate}");
        }

        return new OutlookAnswer(question, outlook.Probability, words, headline, ConditionalOn(outlook), Levers(outlook).Select(l => l.Text).ToArray(), Settle(outlook));
    }

    private static double At(FanYear year, double probability)
    {
        var i = year.Probabilities.ToList().FindIndex(p => Math.Abs(p - probability) < 1e-12);
        return i >= 0 ? year.Levels[i] : double.NaN;
    }

    /// <summary>Every row used, by indicator: "revenue 2021; core added value 2021, 2022 (estimate); ..."; then the bounds, the prior evidence and the stated priors.</summary>
    private static string ConditionalOn(TargetOutlook outlook)
    {
        var used = outlook.Evidence.Where(e => e.Use is EvidenceUse.Value or EvidenceUse.Outcome).Select(e => e.Row).ToArray();
        var groups = used.GroupBy(o => o.Indicator).OrderBy(g => outlook.Chain.ToList().IndexOf(g.Key) is var i and >= 0 ? i : 99)
            .Select(g => NowcastMessages.Invariant($"{g.Key.Short} {string.Join(", ", g.OrderBy(o => o.Year).ThenBy(o => o.Period.Months).Select(NowcastMessages.RowBrief))}"));
        var bounds = outlook.Evidence.Where(e => e.Use == EvidenceUse.Bound).Select(e => e.Row)
            .Select(o => NowcastMessages.Invariant($"{o.Indicator.Short} {o.Year} {(o.Status == ObservationStatus.LowerBound ? "at least" : "at most")} {KeyFigureText.Published(o)}{(o.IsInferred ? " (inferred)" : string.Empty)}"));
        var parts = groups.Concat(bounds).ToList();
        var priors = new List<string>();
        if (outlook.PricePrior is not null)
        {
            priors.Add("the zone's price growth");
        }

        if (outlook.RevisionLink is not null)
        {
            priors.Add("whether revenue moves with the census revision");
        }

        if (outlook.Model.DriftSplit is not null)
        {
            priors.Add("how the drift splits between its two ratios");
        }

        if (outlook.Silence is not null)
        {
            priors.Add("how much the sources' silence says");
        }

        var region = outlook.PricePrior is not null || outlook.Model.BorrowedRevisions.Count > 0 ? "; and the region's GDP and prices" : string.Empty;
        var text = NowcastMessages.Invariant($"{string.Join("; ", parts)}{region}");
        return priors.Count == 0
            ? text + "."
            : text + NowcastMessages.Invariant($". Stated priors, each built from published evidence and integrated over: {string.Join(", ", priors.Take(priors.Count - 1))}{(priors.Count > 1 ? " and " : string.Empty)}{priors[^1]}.");
    }

    private static string Settle(TargetOutlook outlook)
    {
        var target = outlook.Target;
        if (outlook.Outcome is { } outcome)
        {
            return NowcastMessages.Invariant($"the zone's published {target.Year} {target.Indicator.Short} (line {outcome.Location.Line} of the data).");
        }

        var text = NowcastMessages.Invariant($"the zone's published {target.Year} {target.Indicator.Short} ({target.Indicator.ChineseName}): met at {target.ValueText} or more.");
        if (outlook.SettlingFigures.FirstOrDefault() is not { } figure)
        {
            return text;
        }

        return text + " Short of that, " + Thresholds(figure) + ".";
    }

    /// <summary>"the zone's 2024 revenue would move it most: at least 5,610 亿元 makes the target likely (P ≥ 2/3), at most 5,240 亿元 unlikely (P &lt; 1/3)".</summary>
    internal static string Thresholds(SettlingFigure figure)
    {
        var unit = figure.Indicator.Unit.Code;
        var (likelySide, unlikelySide) = figure.Rising ? ("at least", "at most") : ("at most", "at least");
        var likely = figure.Likely is { } l ? NowcastMessages.Invariant($"{likelySide} {KeyFigureText.Estimate(l, unit)} makes the target likely (P ≥ 2/3)") : "no value near the expected one makes the target likely (P ≥ 2/3)";
        var unlikely = figure.Unlikely is { } u ? NowcastMessages.Invariant($"{unlikelySide} {KeyFigureText.Estimate(u, unit)} unlikely (P < 1/3)") : "none makes it unlikely (P < 1/3)";
        return NowcastMessages.Invariant($"{figure.Name} would move it most (expected about {KeyFigureText.Estimate(figure.Expected, unit)}): {likely}, {unlikely}");
    }

    /// <summary>Years as "2024-2025" when consecutive, else "2017, 2021, 2022".</summary>
    internal static string Years(IEnumerable<int> years)
    {
        var list = years.Distinct().Order().ToArray();
        return list.Length == 0 ? string.Empty : list.Length > 1 && list[^1] - list[0] == list.Length - 1 ? NowcastMessages.Invariant($"{list[0]}-{list[^1]}") : string.Join(", ", list);
    }

    public static OutlookVerdict Verdict(TargetOutlook outlook, IEnumerable<TargetProbability> extrapolations, RollingOrigin? outOfSample, OutlookSimulation? simulation)
    {
        var answer = Answer(outlook, simulation);
        var sections = new List<(string, string)> { ("The answer", answer.Headline + " Conditional on " + answer.ConditionalOn) };
        var levers = Levers(outlook);
        if (levers.Count > 0)
        {
            sections.Add(("What it turns on", string.Join(" ", levers.Select((l, i) => (i == 0 ? "Most, " : "Then, ") + l.Text + "."))));
        }

        var target = outlook.Target;
        var model = outlook.Model;
        var chain = string.Join(" × ", Enumerable.Range(0, model.Links.Count).Select(k => NowcastMessages.LinkWords(model, k)).Append(model.Chain[^1].Short));
        var scales = outlook.Scales.Select(s => NowcastMessages.Invariant($"{s.Name}, {100 * s.Sd:0.0} % from {s.DegreesOfFreedom:0} {(s.DegreesOfFreedom == 1 ? "point" : "points")}"));
        var root = model.Chain[^1].Short;
        var growth = model.PriceYears.Count > 0
            ? NowcastMessages.Invariant($"{root} grows at its real growth times the zone's prices after {model.LastOriginalLevel}, its last level as first published")
            : NowcastMessages.Invariant($"{root} grows as its levels say, and where none is published at a forecast of its growth");
        var revision = model.Revisions.Count > 0 ? ", and a level on a revised basis carries the census revision" : string.Empty;
        sections.Add(("How the number is built", NowcastMessages.Invariant(
            $"From {model.FirstYear}, when {target.Indicator.Short} and {model.Chain[Math.Min(1, model.Chain.Count - 1)].Short} were last published together, {target.Indicator.Short} = {chain}; each ratio drifts a little each year, {growth}{revision}. Every related figure since then is a row of this one model with the error its status implies ({outlook.Evidence.Count(e => e.IsUsed)} used, {outlook.Evidence.Count(e => !e.IsUsed)} not used, each with the reason). A scale estimated from a few points carries its own uncertainty: {string.Join("; ", scales)}. No trend is fitted to the years up to {model.LastPublishedYear}.")));

        var notUsed = outlook.Evidence.Where(e => !e.IsUsed).ToArray();
        if (notUsed.Length > 0)
        {
            sections.Add(("Not used", string.Join("; ", notUsed.Select(e => NowcastMessages.Invariant($"{NowcastMessages.RowName(e.Row)}: {e.Words}"))) + "."));
        }

        if (outlook.SilenceDropped is { } dropped)
        {
            sections.Add(("The sources' silence", dropped));
        }

        if (model.Bounds.Count > 0 && outlook.Cases.FirstOrDefault(c => c.Kind == OutlookCaseKind.WithoutBounds) is { } without)
        {
            var bounds = model.Bounds.SelectMany(b => b.Rows).Select(b => NowcastMessages.Invariant($"{b.Year} {b.Indicator.Short} is {(b.Status == ObservationStatus.LowerBound ? "at least" : "at most")} {KeyFigureText.Published(b)}{(b.IsInferred ? NowcastMessages.Invariant($" (inferred: line {b.Location.Line} of the data says how)") : string.Empty)}"));
            sections.Add(("Bounds", NowcastMessages.Invariant($"Censored evidence: {string.Join("; ", bounds)}. Only the paths that respect them count; without them P would be {P(without.Probability)}.")));
        }

        var extra = extrapolations.ToArray();
        if (extra.Length > 0)
        {
            sections.Add(("Sensitivity", NowcastMessages.Invariant($"Extrapolating the published series alone, which ignores everything published after {model.LastPublishedYear}, gives P = {string.Join("; ", extra.Select(e => $"{P(e.Probability)} ({e.ModelName})"))}: shown as sensitivity, not as the answer.")));
        }

        if (outOfSample is { Forecasts.Count: > 0 } record)
        {
            var tooHigh = record.Forecasts.Count(f => f.LogError < 0);
            sections.Add(("Out of sample", NowcastMessages.Invariant($"On {record.Series.Indicator.Short} ({record.Series.Zone}) to {record.Series.Points[^1].Year}, {tooHigh} of {record.Forecasts.Count} projections 1-{record.Forecasts.Max(f => f.Horizon)} years ahead were too high (mean absolute error {100 * record.Forecasts.Average(f => Math.Abs(f.LogError)):0.#} %): extrapolated growth has overshot here before, which is why no trend carries the answer.")));
        }

        if (simulation is not null && outlook.Outcome is null)
        {
            var crossing = string.Join(", ", simulation.FirstCrossing.Select(f => NowcastMessages.Invariant($"{f.Year} {100 * f.Probability:0} %")));
            var gap = Math.Abs(simulation.Probability - outlook.Probability);
            sections.Add(("Check", NowcastMessages.Invariant($"A Monte Carlo of the same model ({simulation.Options.Paths:#,0} paths, seed {simulation.Options.Seed}; an effective {simulation.EffectivePaths:#,0} after weighing each draw of the scales by the evidence) agrees with the closed form within its standard error ({gap:0.0000} apart, {gap / simulation.StandardError:0.0} standard errors). The first year at or above the target: {crossing}; not by {target.Year} {100 * simulation.NotCrossed:0} %.")));
        }

        if (outlook.SettlingFigures.Count > 1)
        {
            sections.Add(("What would settle it", char.ToUpperInvariant(answer.Settle[0]) + answer.Settle[1..] + " Next, " + Thresholds(outlook.SettlingFigures[1]) + "."));
        }
        else
        {
            sections.Add(("What would settle it", char.ToUpperInvariant(answer.Settle[0]) + answer.Settle[1..]));
        }

        return new OutlookVerdict(answer, sections);
    }
}
