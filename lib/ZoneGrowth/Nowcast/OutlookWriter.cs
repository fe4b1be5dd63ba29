using ZoneGrowth.Data;
using ZoneGrowth.Publishing;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// Writes the outlook's answer and verdict from its numbers. Every probability is written by the one rule
/// for probabilities (<see cref="KeyFigureText"/>: two decimals), published levels at their published
/// precision, model estimates to three significant digits, rates as signed percentages, so the same number
/// reads the same in the answer, the verdict, the tables and the key figures.
/// </summary>
internal static class OutlookWriter
{
    private static string P(double p) => KeyFigureText.Number(p, "probability");

    private static string Signed(double rate) => KeyFigureText.Signed(rate);

    private static string Prices(double log) => KeyFigureText.Movement(Math.Exp(log) - 1);

    /// <summary>The stated choices the answer turns on, the widest first: the width of P over each, and a sentence.</summary>
    public static IReadOnlyList<(double Width, string Text)> Levers(TargetOutlook outlook)
    {
        var levers = new List<(double, string)>();
        var cases = outlook.Cases.ToDictionary(c => c.Key);
        if (outlook.PricePrior is { } prior)
        {
            var (low, high) = outlook.ProbabilityRange;
            var split = outlook.Bridges.Revision is { IsOwn: true } ? ", which is not published and splits the zone's census-revised GDP into prices and revision" : ", which is not published";
            var ends = NowcastMessages.Invariant($"P = {P(cases["no_price_rise"].Probability)} if its prices did not rise");
            if (cases.TryGetValue("province_revision", out var province) && outlook.ProvinceRevision is { } pr && outlook.Bridges.Revision!.PriceGrowthFor(pr.Factor) is { } p)
            {
                ends += NowcastMessages.Invariant($", {P(province.Probability)} if its revision equalled {pr.Zone}'s ({Signed(pr.Factor - 1)}: its prices then {Prices(p)} a year)");
            }

            var excess = prior.Evidence.Where(e => e.Use == PriceEvidenceUse.Excess).ToArray();
            var regional = prior.Evidence.Where(e => e.Use == PriceEvidenceUse.RegionalLevel).ToArray();
            var basis = prior.Comparator is null
                ? "the zone's own GDP deflators"
                : NowcastMessages.Invariant($"{prior.Comparator}'s GDP deflator in {Years(regional.Select(e => e.Year))} ({Signed(Math.Exp(regional.Average(e => e.Value)) - 1)} a year) plus the zone's excess over it in {Years(excess.Select(e => e.Year))} ({100 * excess.Average(e => e.Value):+0.0;−0.0} points)");
            levers.Add((high - low, NowcastMessages.Invariant(
                $"the zone's price growth in {Years(prior.Years)}{split}: {ends}. The prior ({basis}) is centred on {Signed(Math.Exp(prior.Mean) - 1)} a year with 90 % of its weight between {Signed(Math.Exp(prior.Quantile(0.05)) - 1)} and {Signed(Math.Exp(prior.Quantile(0.95)) - 1)}, over which P runs from {P(low)} to {P(high)}.")));
        }

        if (outlook.RevisionLink is { } link && cases.TryGetValue("revenue_original_basis", out var original) && cases.TryGetValue("revenue_revised_basis", out var revised))
        {
            var evidence = link.Steps.Count == 0
                ? NowcastMessages.Invariant($"no earlier census year in the data tests it, so the prior of {P(link.PriorProbability)} stands")
                : string.Join("; ", link.Steps.Select(s => NowcastMessages.Invariant(
                    $"in {s.ToYear}, a census year, revenue ÷ GDP moved {Signed(Math.Exp(s.Change) - 1)} against a typical {100 * s.DriftSd:0.0} % a year in its other years, as a GDP revision that revenue did not follow would make it if {s.ToYear}'s GDP ({KeyFigureText.Published(s.Level)}) is the revised level, which its source does not say; that makes it {s.BayesFactor:0.0} times as likely that revenue stays on its basis")))
                  + NowcastMessages.Invariant($", so from even odds P = {P(link.Probability)} that it moves");
            levers.Add((Math.Abs(revised.Probability - original.Probability), NowcastMessages.Invariant(
                $"whether revenue moves with the census revision of GDP: P = {P(original.Probability)} if it stays on its original basis, {P(revised.Probability)} if it moves; {evidence}.")));
        }

        if (outlook.Silence is { } silence && cases.TryGetValue("silence_not_weighed", out var none) && cases.TryGetValue("silence_certain", out var certain))
        {
            levers.Add((Math.Abs(none.Probability - certain.Probability), NowcastMessages.Invariant(
                $"how much the silence of {silence.Source} says: P = {P(none.Probability)} if nothing, {P(certain.Probability)} if a crossing of the target by {silence.ThroughYear} would surely have been named; it is weighed as a {P(silence.MentionProbability)} chance that it would have been.")));
        }

        foreach (var other in outlook.Cases.Where(c => c.Key is "via_gdp" or "via_added_value"))
        {
            var share = outlook.Route == RevenueBridge.ViaAddedValue ? ", which counts the change in the digital economy's share of GDP" : string.Empty;
            levers.Add((Math.Abs(other.Probability - outlook.Probability), NowcastMessages.Invariant(
                $"the bridge: P = {P(other.Probability)} {other.Assumption["bridged ".Length..]}, against {P(outlook.Probability)} {outlook.Route.Describe()} (the headline{share}).")));
        }

        return levers.OrderByDescending(l => l.Item1).ToArray();
    }

    public static OutlookAnswer Answer(TargetOutlook outlook, OutlookSimulation? simulation)
    {
        var target = outlook.Target;
        var question = NowcastMessages.Invariant(
            $"Will {target.Zone} reach its {target.Year} target of {target.ValueText} of {target.Indicator.EnglishNameInSentence} ({target.Indicator.ChineseName})?");
        var words = Likelihood.Describe(outlook.Probability);
        var estimate = simulation?.Years.FirstOrDefault(y => y.Year == target.Year) is { } year
            ? NowcastMessages.Invariant($" {target.Year} {target.Indicator.Short}: about {KeyFigureText.Estimate(At(year, 0.5), target.Unit.Code)} (90 % interval {KeyFigureText.Estimate(At(year, 0.05), "")} to {KeyFigureText.Estimate(At(year, 0.95), target.Unit.Code)}).")
            : string.Empty;
        var headline = NowcastMessages.Invariant($"{char.ToUpperInvariant(words[0])}{words[1..]}: P = {P(outlook.Probability)} that it is met.{estimate}");
        return new OutlookAnswer(question, outlook.Probability, words, headline, ConditionalOn(outlook), Levers(outlook).Select(l => l.Text).ToArray(), Settle(outlook));
    }

    private static double At(FanYear year, double probability)
    {
        var i = year.Probabilities.ToList().FindIndex(p => Math.Abs(p - probability) < 1e-12);
        return i >= 0 ? year.Levels[i] : double.NaN;
    }

    private static string ConditionalOn(TargetOutlook outlook)
    {
        var file = Path.GetFileName(outlook.Bridges.LastPublished.Observation.Location.File);
        var priors = new List<string>();
        if (outlook.PricePrior is not null)
        {
            priors.Add("the zone's price growth");
        }

        if (outlook.RevisionLink is not null)
        {
            priors.Add("whether revenue moves with the census revision");
        }

        if (outlook.Silence is not null)
        {
            priors.Add("how much the sources' silence says");
        }

        var bounds = outlook.Bridges.Bounds.Count == 0
            ? string.Empty
            : NowcastMessages.Invariant($"; {string.Join(" and ", outlook.Bridges.Bounds.Select(b => $"{(b.IsLower ? "a lower" : "an upper")} bound of {KeyFigureText.Published(b.Row)} on {b.Row.Year} {b.Row.Indicator.Short}{(b.Row.IsInferred ? " (inferred)" : string.Empty)}"))}");
        var text = NowcastMessages.Invariant($"the figures of {file}: {outlook.Target.Indicator.Short} to {outlook.Bridges.LastPublished.Year}; since then {string.Join("; ", outlook.Bridges.EvidenceSince())}{bounds}; and the region's GDP and prices");
        return priors.Count == 0
            ? text + "."
            : text + NowcastMessages.Invariant($". Stated priors, each built from published evidence and integrated over: {string.Join(", ", priors.Take(priors.Count - 1))}{(priors.Count > 1 ? " and " : string.Empty)}{priors[^1]}.");
    }

    private static string Settle(TargetOutlook outlook)
    {
        var target = outlook.Target;
        var text = NowcastMessages.Invariant($"the zone's published {target.Year} {target.Indicator.Short} ({target.Indicator.ChineseName}): met at {target.ValueText} or more.");
        if (outlook.PricePrior is null)
        {
            return text;
        }

        // Short of it: the figure that pins the zone's prices, with the price growth at which the target turns likely and unlikely.
        var likely = Solve(outlook, 2.0 / 3);
        var unlikely = Solve(outlook, 1.0 / 3);
        // The revision still turns on prices only when it is the zone's own and chained through a year of prices.
        var revision = outlook.Bridges.Revision is { IsOwn: true, Factor.PriceYears: not 0 } own ? own : null;
        string Pin(double p, string side) => revision is { } r0 && outlook.Bridges.OriginalLevel(r0.Year - 1) is { } first
            ? NowcastMessages.Invariant($" (a census revision of {Signed(revision.At(p) - 1)} or {side}: a revised {r0.Year - 1} GDP of {(side == "less" ? "at most" : "at least")} {KeyFigureText.Estimate(first.Value * revision.At(p), first.Indicator.Unit.Code)})")
            : string.Empty;
        var figure = revision is { } r
            ? NowcastMessages.Invariant($"the zone's census-revised GDP for {r.Year - 1}, which gives its revision (that level ÷ the first release) and so its prices")
            : NowcastMessages.Invariant($"the zone's GDP level for {outlook.PricePrior.Years[^1]}, which gives its nominal growth and so its prices");
        var likelyText = likely is { } l
            ? NowcastMessages.Invariant($"the target is likely (P ≥ 2/3) if the zone's price growth was {Signed(Math.Exp(l) - 1)} a year or more{Pin(l, "less")}")
            : "the target is not likely at any price growth from −10 % to +15 % a year";
        var unlikelyText = unlikely is { } u
            ? NowcastMessages.Invariant($" and unlikely (P < 1/3) only if it was {Signed(Math.Exp(u) - 1)} a year or less{Pin(u, "more")}")
            : " and unlikely at no price growth from −10 % to +15 % a year";
        return text + NowcastMessages.Invariant($" Short of that, the figure that would move it most is {figure}: {likelyText},{unlikelyText}.");
    }

    /// <summary>
    /// The price growth (log scale) at which P(met) equals <paramref name="level"/>, between −10 % and +15 % a year,
    /// by the Illinois variant of regula falsi (P rises smoothly with prices, so a few evaluations reach 10⁻⁴);
    /// null when P does not cross the level there.
    /// </summary>
    private static double? Solve(TargetOutlook outlook, double level)
    {
        var (a, b) = (Math.Log(0.90), Math.Log(1.15));
        var (fa, fb) = (outlook.ProbabilityAt(a) - level, outlook.ProbabilityAt(b) - level);
        if (fa * fb > 0)
        {
            return null;
        }

        var side = 0;
        for (var i = 0; i < 40 && Math.Abs(b - a) > 1e-4; i++)
        {
            var c = ((a * fb) - (b * fa)) / (fb - fa);
            var fc = outlook.ProbabilityAt(c) - level;
            if (Math.Abs(fc) < 1e-7)
            {
                return c;
            }

            if (fc * fb > 0)
            {
                (b, fb) = (c, fc);
                fa = side == -1 ? fa / 2 : fa;
                side = -1;
            }
            else
            {
                (a, fa) = (c, fc);
                fb = side == 1 ? fb / 2 : fb;
                side = 1;
            }
        }

        return (a + b) / 2;
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
            sections.Add(("What it turns on", string.Join(" ", levers.Select((l, i) => (i == 0 ? "Most, " : "Then, ") + l.Text))));
        }

        var target = outlook.Target;
        var rules = string.Join(" ", outlook.TargetValues.Select(v => NowcastMessages.Invariant($"If {v.Key.Describe()}: {v.Value.Rule}.")));
        var scales = outlook.Bridges.Scales.Select(s => NowcastMessages.Invariant($"{s.Name}, {100 * s.Sd:0.0} % from {s.DegreesOfFreedom:0} {(s.DegreesOfFreedom == 1 ? "change" : "changes")}"));
        sections.Add(("How the number is built", NowcastMessages.Invariant(
            $"{target.Year} {target.Indicator.Short} is bridged {outlook.Route.Describe()}, p being the zone's price growth a year. {rules} Each factor carries its errors, and an error shared by several years or quantities (the same ratio, share, GDP level or revision) is counted once. A scale estimated from a few points carries its own uncertainty (Student t margins): {string.Join("; ", scales)}. No trend is fitted to the years up to {outlook.Bridges.LastPublished.Year}: the bridged value and its full variance are the answer.")));

        if (outlook.Bridges.Bounds.Count > 0 && outlook.Cases.FirstOrDefault(c => c.Key == "without_bounds") is { } without)
        {
            var bounds = outlook.Bridges.Bounds.Select(b => NowcastMessages.Invariant($"{b.Row.Year} {b.Row.Indicator.Short} is {(b.IsLower ? "at least" : "at most")} {KeyFigureText.Published(b.Row)}{(b.Row.IsInferred ? NowcastMessages.Invariant($" (inferred: line {b.Row.Location.Line} of the data says how)") : string.Empty)}"));
            sections.Add(("Bounds", NowcastMessages.Invariant($"Censored evidence: {string.Join("; ", bounds)}. Only the draws that respect them count; without them P would be {P(without.Probability)}.")));
        }

        var extra = extrapolations.ToArray();
        if (extra.Length > 0)
        {
            sections.Add(("Sensitivity", NowcastMessages.Invariant($"Extrapolating the published series alone, which ignores everything published after {outlook.Bridges.LastPublished.Year}, gives P = {string.Join("; ", extra.Select(e => $"{P(e.Probability)} ({e.ModelName})"))}: shown as sensitivity, not as the answer.")));
        }

        if (outOfSample is { Forecasts.Count: > 0 } record)
        {
            var tooHigh = record.Forecasts.Count(f => f.LogError < 0);
            sections.Add(("Out of sample", NowcastMessages.Invariant($"On {record.Series.Indicator.Short} ({record.Series.Zone}) to {record.Series.Points[^1].Year}, {tooHigh} of {record.Forecasts.Count} projections 1-{record.Forecasts.Max(f => f.Horizon)} years ahead were too high (mean absolute error {100 * record.Forecasts.Average(f => Math.Abs(f.LogError)):0.#} %): extrapolated growth has overshot here before, which is why no trend carries the answer.")));
        }

        if (simulation is not null)
        {
            var crossing = string.Join(", ", simulation.FirstCrossing.Select(f => NowcastMessages.Invariant($"{f.Year} {100 * f.Probability:0} %")));
            var gap = Math.Abs(simulation.Probability - outlook.Probability);
            sections.Add(("Check", NowcastMessages.Invariant($"A Monte Carlo of the same joint distribution ({simulation.Options.Paths:#,0} paths, seed {simulation.Options.Seed}; {simulation.Accepted:#,0} inside the bounds and kept after the silence) agrees with the closed form within its standard error ({gap:0.0000} apart, {gap / simulation.StandardError:0.0} standard errors). The first year at or above the target: {crossing}; not by {target.Year} {100 * simulation.NotCrossed:0} %.")));
        }

        sections.Add(("What would settle it", char.ToUpperInvariant(answer.Settle[0]) + answer.Settle[1..]));
        return new OutlookVerdict(answer, sections);
    }
}
