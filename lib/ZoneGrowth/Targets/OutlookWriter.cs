using ZoneGrowth.Data;
using ZoneGrowth.Forecasting;
using ZoneGrowth.Nowcast;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Targets;

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
    private static string PIs(double p) => "P " + KeyFigureText.ProbabilityIs(p);

    private static string Signed(double rate) => KeyFigureText.Signed(rate);

    /// <summary>The choices the answer turns on, the widest first: the width of P over each, and its row of the answer's table.</summary>
    public static IReadOnlyList<(double Width, AnswerLever Lever)> Levers(TargetOutlook outlook)
    {
        var levers = new List<(double, AnswerLever)>();
        if (outlook.Outcome is not null)
        {
            return levers;
        }

        var cases = outlook.Cases.ToDictionary(c => c.Kind);
        if (outlook.PricePrior is { } prior && outlook.PriceCurve.Count > 0)
        {
            var (low, high) = outlook.ProbabilityRange;
            var (pLow, pHigh) = outlook.PriceQuantiles(0.05, 0.95);
            var ends = new List<AnswerCase> { new(FormattableString.Invariant($"at {Signed(Math.Exp(pLow) - 1)}"), low) };
            if (cases.TryGetValue(OutlookCaseKind.NoPriceRise, out var none))
            {
                ends.Add(new("if flat", none.Probability));
            }

            ends.Add(new(FormattableString.Invariant($"at {Signed(Math.Exp(pHigh) - 1)}"), high));
            levers.Add((high - low, new AnswerLever(
                FormattableString.Invariant($"the zone's price growth, {Years(prior.Years)}"),
                FormattableString.Invariant($"not published; 90 % likely {Signed(Math.Exp(pLow) - 1)} to {Signed(Math.Exp(pHigh) - 1)} a year"),
                ends)));
        }

        if (cases.TryGetValue(OutlookCaseKind.RevenueOriginalBasis, out var original) && cases.TryGetValue(OutlookCaseKind.RevenueRevisedBasis, out var revised))
        {
            levers.Add((Math.Abs(revised.Probability - original.Probability), new AnswerLever(
                "whether revenue moves with GDP's census revision",
                FormattableString.Invariant($"{P(outlook.BasisPosterior[RevenueBasis.Revised])} that it does, from the evidence"),
                [new("if not", original.Probability), new("if it does", revised.Probability)])));
        }

        if (cases.TryGetValue(OutlookCaseKind.DriftOnFirstLink, out var onFirst) && cases.TryGetValue(OutlookCaseKind.DriftOnSecondLink, out var onSecond)
            && cases.TryGetValue(OutlookCaseKind.DriftSplitEvenly, out var even) && outlook.Model.DriftSplit is { } split)
        {
            // The width is P's spread over the split, its middle included: P need not lie between the two ends.
            var (first, second) = (TargetMessages.LinkWords(outlook.Model, split.First), TargetMessages.LinkWords(outlook.Model, split.Second));
            double[] all = [onFirst.Probability, even.Probability, onSecond.Probability];
            levers.Add((all.Max() - all.Min(), new AnswerLever(
                FormattableString.Invariant($"where the drift of {outlook.Chain[0].Short} ÷ {outlook.Chain[^1].Short} falls"),
                "the data cannot tell",
                [new(FormattableString.Invariant($"all on {first}"), onFirst.Probability), new("split evenly", even.Probability), new(FormattableString.Invariant($"all on {second}"), onSecond.Probability)])));
        }

        if (outlook.Silence is { } silence && cases.TryGetValue(OutlookCaseKind.SilenceNotWeighed, out var ignored) && cases.TryGetValue(OutlookCaseKind.SilenceCertain, out var certain))
        {
            levers.Add((Math.Abs(ignored.Probability - certain.Probability), new AnswerLever(
                FormattableString.Invariant($"what the sources' silence to {silence.ThroughYear} says"),
                FormattableString.Invariant($"no crossing named; weighed at {P(silence.MentionProbability)}"),
                [new("if nothing", ignored.Probability), new("if decisive", certain.Probability)])));
        }

        return levers.OrderByDescending(l => l.Item1).ToArray();
    }

    /// <summary>The width of P over a choice below which the answer's table leaves it to the folded part.</summary>
    internal const double SmallLever = 0.05;

    /// <summary>
    /// The answer in a minute: the question; one sentence of headline; the table of what it turns on; where the
    /// value's spread comes from; one sentence on what would settle it. What it is conditional on is kept in full
    /// for the reader who opens it. The notebook's key is set when it is published.
    /// </summary>
    public static PublishedAnswer Answer(TargetOutlook outlook, OutlookSimulation? simulation)
    {
        var target = outlook.Target;
        var question = FormattableString.Invariant(
            $"Will {target.Zone} reach its {target.Year} target of {target.ValueText} of {target.Indicator.EnglishNameInSentence} ({target.Indicator.ChineseName})?");
        string headline;
        string words;
        if (outlook.Outcome is { } outcome)
        {
            words = outlook.Probability >= 1 ? "met" : "not met";
            headline = FormattableString.Invariant($"{char.ToUpperInvariant(words[0])}{words[1..]}: {TargetMessages.OutcomeSentence(outcome, target)}");
        }
        else
        {
            words = Likelihood.Describe(outlook.Probability);
            var estimate = simulation?.Years.FirstOrDefault(y => y.Year == target.Year) is { } year
                ? FormattableString.Invariant($", with {target.Year} {target.Indicator.Short} about {KeyFigureText.Estimate(At(year, 0.5), target.Unit.Code)} (90 % interval {KeyFigureText.Estimate(At(year, 0.05), "")} to {KeyFigureText.Estimate(At(year, 0.95), target.Unit.Code)})")
                : string.Empty;
            headline = FormattableString.Invariant($"{char.ToUpperInvariant(words[0])}{words[1..]}: {PIs(outlook.Probability)} that it is met{estimate}.");
        }

        // The table holds the choices that move P by at least five points; the smaller ones are kept with what it rests on.
        var levers = Levers(outlook);
        var smaller = levers.Where(l => l.Width < SmallLever).Select(l => l.Lever.ToString()).ToArray();
        var conditional = ConditionalOn(outlook) + (smaller.Length > 0 ? " Choices that move P by less than five points: " + string.Join("; ", smaller) + "." : string.Empty);
        return new PublishedAnswer(string.Empty, question, headline, outlook.Probability, conditional, levers.Where(l => l.Width >= SmallLever).Select(l => l.Lever).ToArray(), ShortSettle(outlook))
        {
            Words = words,
            Spread = Spread(outlook),
        };
    }

    /// <summary>
    /// "The spread of 2025 revenue, about ±7.8 %, comes mostly from how far revenue ÷ core added value drifts (±5.0 %,
    /// 40 % of the variance), the zone's price growth (±4.4 %, 31 %) and ...": the sources of at least a tenth of the
    /// variance, at most three, worded as spreads (standard deviations of the log value), not as trends.
    /// </summary>
    private static string Spread(TargetOutlook outlook)
    {
        if (outlook.Outcome is not null)
        {
            return string.Empty;
        }

        var budget = outlook.VarianceBudget(outlook.BasisPosterior.TryGetValue(RevenueBasis.Revised, out var moves) && moves > 0.5 ? RevenueBasis.Revised : RevenueBasis.Original);
        var large = budget.Where(b => b.Share >= 0.1).Take(3).ToArray();
        if (large.Length == 0)
        {
            return string.Empty;
        }

        var total = Math.Sqrt(budget.Sum(b => b.Sd * b.Sd));
        var parts = large.Select((b, i) => FormattableString.Invariant($"{SpreadWords(b.Source)} ({100 * b.Share:0} %{(i == 0 ? " of the variance" : string.Empty)})")).ToArray();
        var list = parts.Length == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];
        return FormattableString.Invariant($"The spread of {outlook.Target.Year} {outlook.Target.Indicator.Short}, about ±{100 * total:0.0} %, comes mostly from {list}.");
    }

    // "Drift of revenue ÷ core added value" → "how far revenue ÷ core added value drifts"; "The zone's price growth (prior)" → "the zone's price growth".
    private static string SpreadWords(string source)
    {
        var text = source.Replace(" (prior)", string.Empty, StringComparison.Ordinal);
        return text.StartsWith("drift of ", StringComparison.OrdinalIgnoreCase)
            ? "how far " + text["drift of ".Length..] + " drifts"
            : char.ToLowerInvariant(text[0]) + text[1..];
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
            .Select(g => FormattableString.Invariant($"{g.Key.Short} {string.Join(", ", g.OrderBy(o => o.Year).ThenBy(o => o.Period.Months).Select(NowcastMessages.RowBrief))}"));
        var bounds = outlook.Evidence.Where(e => e.Use == EvidenceUse.Bound).Select(e => e.Row)
            .Select(o => FormattableString.Invariant($"{o.Indicator.Short} {o.Year} {(o.Status == ObservationStatus.LowerBound ? "at least" : "at most")} {KeyFigureText.Published(o)}{(o.IsInferred ? " (inferred)" : string.Empty)}"));
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
        var text = FormattableString.Invariant($"{string.Join("; ", parts)}{region}");
        return priors.Count == 0
            ? text + "."
            : text + FormattableString.Invariant($". Stated priors, each built from published evidence and integrated over: {string.Join(", ", priors.Take(priors.Count - 1))}{(priors.Count > 1 ? " and " : string.Empty)}{priors[^1]}.");
    }

    /// <summary>The answer's one sentence on what would settle it: "the zone's published 2025 revenue, met at 6,000 亿元 or more; until then, a 2024 revenue of at least 5,650 亿元 would make it likely (P ≥ 2/3), at most 5,460 亿元 unlikely (P &lt; 1/3).".</summary>
    private static string ShortSettle(TargetOutlook outlook)
    {
        var target = outlook.Target;
        if (outlook.Outcome is { } outcome)
        {
            return FormattableString.Invariant($"the zone's published {target.Year} {target.Indicator.Short}.");
        }

        var text = FormattableString.Invariant($"the zone's published {target.Year} {target.Indicator.Short}, met at {target.ValueText} or more");
        if (outlook.SettlingFigures.FirstOrDefault() is not { } figure)
        {
            return text + ".";
        }

        var (atLikely, atUnlikely) = ThresholdValues(figure);
        var likely = atLikely is null ? null : atLikely + " would make it likely (P ≥ 2/3)";
        var unlikely = atUnlikely is null ? null : atUnlikely + (likely is null ? " would make it unlikely" : " unlikely") + " (P < 1/3)";
        var sides = string.Join(", ", new[] { likely, unlikely }.OfType<string>());
        return sides.Length == 0 ? text + "." : FormattableString.Invariant($"{text}; until then, {figure.Name} of {sides}.");
    }

    private static string Settle(TargetOutlook outlook)
    {
        var target = outlook.Target;
        if (outlook.Outcome is { } outcome)
        {
            return FormattableString.Invariant($"the zone's published {target.Year} {target.Indicator.Short} (line {outcome.Location.Line} of the data).");
        }

        var text = FormattableString.Invariant($"the zone's published {target.Year} {target.Indicator.Short} ({target.Indicator.ChineseName}): met at {target.ValueText} or more.");
        if (outlook.SettlingFigures.FirstOrDefault() is not { } figure)
        {
            return text;
        }

        return text + " Short of that, " + Thresholds(figure) + ".";
    }

    /// <summary>"the zone's 2024 revenue would move it most: at least 5,610 亿元 makes the target likely (P ≥ 2/3), at most 5,240 亿元 unlikely (P &lt; 1/3)".</summary>
    internal static string Thresholds(SettlingFigure figure)
    {
        var (atLikely, atUnlikely) = ThresholdValues(figure);
        var likely = atLikely is null ? "no value near the expected one makes the target likely (P ≥ 2/3)" : atLikely + " makes the target likely (P ≥ 2/3)";
        var unlikely = atUnlikely is null ? "none makes it unlikely (P < 1/3)" : atUnlikely + " unlikely (P < 1/3)";
        return FormattableString.Invariant($"{figure.Name} would move it most (expected about {KeyFigureText.Estimate(figure.Expected, figure.Indicator.Unit.Code)}): {likely}, {unlikely}");
    }

    /// <summary>The settling figure's two thresholds as values with their side, "at least 5,650 亿元" and "at most 5,460 亿元" (the sides swap when a higher value lowers P); null where there is none.</summary>
    private static (string? Likely, string? Unlikely) ThresholdValues(SettlingFigure figure)
    {
        var unit = figure.Indicator.Unit.Code;
        var (likelySide, unlikelySide) = figure.Rising ? ("at least", "at most") : ("at most", "at least");
        return (figure.Likely is { } l ? FormattableString.Invariant($"{likelySide} {KeyFigureText.Estimate(l, unit)}") : null,
            figure.Unlikely is { } u ? FormattableString.Invariant($"{unlikelySide} {KeyFigureText.Estimate(u, unit)}") : null);
    }

    /// <summary>Years as "2024-2025" when consecutive, else "2017, 2021, 2022".</summary>
    internal static string Years(IEnumerable<int> years)
    {
        var list = years.Distinct().Order().ToArray();
        return list.Length == 0 ? string.Empty : list.Length > 1 && list[^1] - list[0] == list.Length - 1 ? FormattableString.Invariant($"{list[0]}-{list[^1]}") : string.Join(", ", list);
    }

    public static OutlookVerdict Verdict(TargetOutlook outlook, IEnumerable<TargetProbability> extrapolations, RollingOrigin? outOfSample, OutlookSimulation? simulation)
    {
        var answer = Answer(outlook, simulation);
        var sections = new List<(string, string)> { ("The answer", answer.Headline + " Conditional on " + answer.ConditionalOn) };
        var settle = Settle(outlook);
        var levers = Levers(outlook);
        if (levers.Count > 0)
        {
            sections.Add(("What it turns on", string.Join(" ", levers.Select((l, i) => (i == 0 ? "Most, " : "Then, ") + l.Lever + ".")) + (answer.Spread.Length > 0 ? " " + answer.Spread : string.Empty)));
        }

        var target = outlook.Target;
        var model = outlook.Model;
        var chain = string.Join(" × ", Enumerable.Range(0, model.Links.Count).Select(k => TargetMessages.LinkWords(model, k)).Append(model.Chain[^1].Short));
        var scales = outlook.Scales.Select(s => FormattableString.Invariant($"{s.Name}, {100 * s.Sd:0.0} % from {s.DegreesOfFreedom:0} {(s.DegreesOfFreedom == 1 ? "point" : "points")}"));
        var root = model.Chain[^1].Short;
        var growth = model.PriceYears.Count > 0
            ? FormattableString.Invariant($"{root} grows at its real growth times the zone's prices after {model.LastOriginalLevel}, its last level as first published")
            : FormattableString.Invariant($"{root} grows as its levels say, and where none is published at a forecast of its growth");
        var revision = model.Revisions.Count > 0 ? ", and a level on a revised basis carries the census revision" : string.Empty;
        sections.Add(("How the number is built", FormattableString.Invariant(
            $"From {model.FirstYear}, when {target.Indicator.Short} and {model.Chain[Math.Min(1, model.Chain.Count - 1)].Short} were last published together, {target.Indicator.Short} = {chain}; each ratio drifts a little each year, {growth}{revision}. Every related figure since then is a row of this one model with the error its status implies ({outlook.Evidence.Count(e => e.IsUsed)} used, {outlook.Evidence.Count(e => !e.IsUsed)} not used, each with the reason). A scale estimated from a few points carries its own uncertainty: {string.Join("; ", scales)}. No trend is fitted to the years up to {model.LastPublishedYear}.")));

        var notUsed = outlook.Evidence.Where(e => !e.IsUsed).ToArray();
        if (notUsed.Length > 0)
        {
            sections.Add(("Not used", string.Join("; ", notUsed.Select(e => FormattableString.Invariant($"{TargetMessages.RowName(e.Row)}: {e.Words}"))) + "."));
        }

        if (outlook.SilenceDropped is { } dropped)
        {
            sections.Add(("The sources' silence", dropped));
        }

        if (model.Bounds.Count > 0 && outlook.Cases.FirstOrDefault(c => c.Kind == OutlookCaseKind.WithoutBounds) is { } without)
        {
            var bounds = model.BoundRows.Select(b => FormattableString.Invariant($"{b.Year} {b.Indicator.Short} is {(b.Status == ObservationStatus.LowerBound ? "at least" : "at most")} {KeyFigureText.Published(b)}{(b.IsInferred ? FormattableString.Invariant($" (inferred: line {b.Location.Line} of the data says how)") : string.Empty)}"));
            sections.Add(("Bounds", FormattableString.Invariant($"Censored evidence: {string.Join("; ", bounds)}. Only the paths that respect them count; without them P would be {P(without.Probability)}.")));
        }

        var extra = extrapolations.ToArray();
        if (extra.Length > 0)
        {
            sections.Add(("Sensitivity", FormattableString.Invariant($"Extrapolating the published series alone, which ignores everything published after {model.LastPublishedYear}, gives {string.Join("; ", extra.Select(e => $"{PIs(e.Probability)} ({e.ModelName})"))}: shown as sensitivity, not as the answer.")));
        }

        if (outOfSample is { Forecasts.Count: > 0 } record)
        {
            var tooHigh = record.Forecasts.Count(f => f.LogError < 0);
            sections.Add(("Out of sample", FormattableString.Invariant($"On {record.Series.Indicator.Short} ({record.Series.Zone}) to {record.Series.Points[^1].Year}, {tooHigh} of {record.Forecasts.Count} projections 1-{record.Forecasts.Max(f => f.Horizon)} years ahead were too high (mean absolute error {100 * record.Forecasts.Average(f => Math.Abs(f.LogError)):0.#} %): extrapolated growth has overshot here before, which is why no trend carries the answer.")));
        }

        if (simulation is not null && outlook.Outcome is null)
        {
            var crossing = string.Join(", ", simulation.FirstCrossing.Select(f => FormattableString.Invariant($"{f.Year} {100 * f.Probability:0} %")));
            var gap = Math.Abs(simulation.Probability - outlook.Probability);
            sections.Add(("Check", FormattableString.Invariant($"A Monte Carlo of the same model ({simulation.Options.Paths:#,0} paths, seed {simulation.Options.Seed}; an effective {simulation.EffectivePaths:#,0} after weighing each draw of the scales by the evidence) agrees with the closed form within its standard error ({gap:0.0000} apart, {gap / simulation.StandardError:0.0} standard errors). The first year at or above the target: {crossing}; not by {target.Year} {100 * simulation.NotCrossed:0} %.")));
        }

        if (outlook.SettlingFigures.Count > 1)
        {
            sections.Add(("What would settle it", char.ToUpperInvariant(settle[0]) + settle[1..] + " Next, " + Thresholds(outlook.SettlingFigures[1]) + "."));
        }
        else
        {
            sections.Add(("What would settle it", char.ToUpperInvariant(settle[0]) + settle[1..]));
        }

        return new OutlookVerdict(answer, sections);
    }
}
