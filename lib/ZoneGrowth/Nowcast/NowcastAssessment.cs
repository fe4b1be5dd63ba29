using Microsoft.Data.Analysis;
using MathNet.Numerics.Distributions;
using ZoneGrowth.Data;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// The target judged on all published evidence: a nowcast under every bridge the data allow, the
/// headline among them, the probability of meeting the target under each, and the verdict written
/// from those numbers, with the extrapolations that ignore the evidence since the last published
/// value as sensitivity only.
/// </summary>
public sealed class NowcastAssessment
{
    private NowcastAssessment(TargetAssessment assessment, RevenueBridges bridges, IReadOnlyList<RevenueNowcast> nowcasts)
    {
        Assessment = assessment;
        Bridges = bridges;
        Nowcasts = nowcasts;
    }

    /// <summary>The target against its series.</summary>
    public TargetAssessment Assessment { get; }

    /// <summary>The bridges and their parameters.</summary>
    public RevenueBridges Bridges { get; }

    /// <summary>One nowcast per available bridge, the headline first.</summary>
    public IReadOnlyList<RevenueNowcast> Nowcasts { get; }

    /// <summary>The headline nowcast (the bridge that uses the digital economy's own figures when it reaches as far as any).</summary>
    public RevenueNowcast Headline => Nowcasts[0];

    /// <summary>Nowcasts the target series under every available bridge.</summary>
    /// <exception cref="ArgumentException">No bridge reaches a year after the last published value.</exception>
    public static NowcastAssessment Create(DataSet data, TargetAssessment assessment, NowcastOptions? options = null)
    {
        var bridges = RevenueBridges.Build(data, assessment.Series, assessment.Target.Year, options);
        var headline = bridges.Headline
            ?? throw new ArgumentException(NowcastMessages.Invariant($"No bridge reaches a year after {bridges.LastPublished.Year}: the data have none of the related figures a nowcast needs (core added value or its share of GDP, GDP levels and real growth) after it."));
        var order = bridges.Available.OrderBy(b => b == headline ? 0 : 1).ThenBy(b => b);
        return new NowcastAssessment(assessment, bridges, order.Select(b => RevenueNowcast.Fit(bridges, b, assessment.Target.Year, options)).ToArray());
    }

    /// <summary>P(target met) under the headline nowcast, closed form.</summary>
    public TargetProbability Probability => Assessment.Probability(Headline);

    /// <summary>P(target met) under each bridge's nowcast, in the order of <see cref="Nowcasts"/>.</summary>
    public IReadOnlyList<TargetProbability> Probabilities => Nowcasts.Select(Assessment.Probability).ToArray();

    /// <summary>
    /// P(the bridged value of the target year ≥ target) from that value alone, without the
    /// state-space model: a check on the model, whose bridged points share factors (the same ratio
    /// in every year) but are filtered as independent.
    /// </summary>
    public double? BridgeAloneProbability(RevenueNowcast nowcast) =>
        nowcast.BridgedValues.FirstOrDefault(v => v.Year == Assessment.Target.Year) is { } value
            ? 1 - Normal.CDF(Math.Log(value.Value), value.LogSd, Math.Log(Assessment.Target.Value))
            : null;

    /// <summary>
    /// P(target met) under a bridge's nowcast refitted with the bridged years' errors correlated
    /// through the factors they share (see <see cref="RevenueNowcast.Fit"/>): a sensitivity of the
    /// model's error structure.
    /// </summary>
    public double SharedErrorProbability(RevenueNowcast nowcast) =>
        Assessment.Probability(RevenueNowcast.Fit(Bridges, nowcast.Bridge, Assessment.Target.Year, nowcast.Options, sharedErrors: true)).Probability;

    /// <summary>
    /// The published core added value of the target year at which the target becomes likely
    /// (P ≥ 2/3) and below which it becomes unlikely (P &lt; 1/3), at the headline ratio of revenue
    /// to added value with its drift; null without the added-value bridge.
    /// </summary>
    public (double Likely, double Unlikely, BridgeFactor Ratio)? AddedValueThresholds
    {
        get
        {
            var ratio = Nowcasts.Where(n => n.Bridge == RevenueBridge.ViaAddedValue)
                .SelectMany(n => n.BridgedValues.Where(v => v.Year == Assessment.Target.Year))
                .Select(v => v.Factors[0]).FirstOrDefault();
            if (ratio is null)
            {
                return null;
            }

            var z = Normal.InvCDF(0, 1, 2.0 / 3);
            var central = Assessment.Target.Value / ratio.Value;
            return (central * Math.Exp(z * ratio.LogSd), central * Math.Exp(-z * ratio.LogSd), ratio);
        }
    }

    /// <summary>
    /// The nowcast of every year since the last published value under each bridge: bridged value
    /// with its 90 % interval, and the smoothed level with its 90 % interval.
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var rows = Nowcasts.SelectMany(n => Enumerable.Range(n.LastYear + 1, Assessment.Target.Year - n.LastYear).Select(year => (n, year))).ToArray();
        double? Bridged(RevenueNowcast n, int year, Func<BridgedValue, double> pick) => n.BridgedValues.FirstOrDefault(v => v.Year == year) is { } v ? pick(v) : null;
        return new DataFrame(
            new StringDataFrameColumn("bridge", rows.Select(r => r.n.Bridge.Describe() + (r.n == Headline ? " (headline)" : string.Empty))),
            new PrimitiveDataFrameColumn<int>("year", rows.Select(r => r.year)),
            new PrimitiveDataFrameColumn<double>("bridged", rows.Select(r => Bridged(r.n, r.year, v => Math.Round(v.Value, 1)))),
            new PrimitiveDataFrameColumn<double>("bridged_low90", rows.Select(r => Bridged(r.n, r.year, v => Math.Round(v.Interval90.Low, 1)))),
            new PrimitiveDataFrameColumn<double>("bridged_high90", rows.Select(r => Bridged(r.n, r.year, v => Math.Round(v.Interval90.High, 1)))),
            new PrimitiveDataFrameColumn<double>("nowcast", rows.Select(r => Math.Round(r.n.Level(r.year).Median, 1))),
            new PrimitiveDataFrameColumn<double>("nowcast_low90", rows.Select(r => Math.Round(r.n.Level(r.year).Low, 1))),
            new PrimitiveDataFrameColumn<double>("nowcast_high90", rows.Select(r => Math.Round(r.n.Level(r.year).High, 1))));
    }

    /// <summary>
    /// One row per bridge: its target-year value, P(met) from the nowcast, from the bridged value
    /// alone and from the nowcast with the bridged years' shared errors modelled, and the model's estimated yearly shock sizes (standard deviations of the log level and of growth).
    /// </summary>
    public DataFrame ProbabilityTable()
    {
        var probabilities = Probabilities;
        return new DataFrame(
            new StringDataFrameColumn("bridge", Nowcasts.Select(n => n.Bridge.Describe() + (n == Headline ? " (headline)" : string.Empty))),
            new PrimitiveDataFrameColumn<double>("nowcast_median", Nowcasts.Select(n => Math.Round(n.Level(Assessment.Target.Year).Median, 1))),
            new PrimitiveDataFrameColumn<double>("p_met", probabilities.Select(p => Math.Round(p.Probability, 4))),
            new PrimitiveDataFrameColumn<double>("p_met_bridge_alone", Nowcasts.Select(n => BridgeAloneProbability(n) is { } p ? Math.Round(p, 4) : (double?)null)),
            new PrimitiveDataFrameColumn<double>("p_met_shared_errors", Nowcasts.Select(n => Math.Round(SharedErrorProbability(n), 4))),
            new PrimitiveDataFrameColumn<double>("sd_level_shock", Nowcasts.Select(n => Math.Round(Math.Sqrt(n.Model.LevelVariance), 4))),
            new PrimitiveDataFrameColumn<double>("sd_growth_shock", Nowcasts.Select(n => Math.Round(Math.Sqrt(n.Model.SlopeVariance), 4))));
    }

    /// <summary>
    /// The verdict, written from the numbers, in short paragraphs: the headline probability in
    /// calibrated words, the range across bridges and what it turns on, the extrapolations as
    /// sensitivity, the out-of-sample record, and the published figures that would settle the question.
    /// </summary>
    /// <param name="extrapolations">Probabilities of models fitted to the published series only (trend, random walk), shown as sensitivity.</param>
    /// <param name="outOfSample">How the projection methods did out of sample on a related series, stated when given.</param>
    public string Verdict(IEnumerable<TargetProbability> extrapolations, RollingOrigin? outOfSample = null)
    {
        var target = Assessment.Target;
        var p = Probability;
        var all = Probabilities.Zip(Nowcasts).ToArray();
        var low = all.MinBy(x => x.First.Probability);
        var high = all.MaxBy(x => x.First.Probability);
        var (median, lo, hi) = Headline.Level(target.Year);
        var lastBridged = Headline.BridgedValues[^1].Year;
        // The words follow the lower of the nowcast's P and the target year's bridged value alone: the
        // bridged years share their ratio but are filtered as independent, which understates the spread.
        var alone = BridgeAloneProbability(Headline);
        var words = Math.Min(p.Probability, alone ?? p.Probability);
        var text = NowcastMessages.Invariant(
            $"Verdict: that {target.Zone} reaches its {target.Year} target of {target.Value:0.#} {target.Unit.Code} ({target.Indicator.ChineseName}) is {Likelihood.Describe(words)} on the evidence published to date (P = {p.Probability:0.000} from the nowcast")
            + (alone is { } a ? NowcastMessages.Invariant($", which takes the bridged years as independent although they share their ratio; {a:0.000} from the {target.Year} bridged value alone, whose variance is complete") : string.Empty)
            + "): "
            + NowcastMessages.Invariant($"the revenue series ends in {Headline.LastYear}, and {Headline.LastYear + 1}-{lastBridged} are nowcast {Headline.Bridge.Describe()}, putting {target.Year} at {median:0} (90 % interval {lo:0} to {hi:0}).");
        if (low.Second != high.Second)
        {
            text += NowcastMessages.Invariant($"\n\nThe bridges disagree: P runs from {low.First.Probability:0.000} ({low.Second.Bridge.Describe()}: {Likelihood.Describe(low.First.Probability)}) to {high.First.Probability:0.000} ({high.Second.Bridge.Describe()}).");
            if (low.Second.Bridge == RevenueBridge.ViaAddedValueRealGrowthOnly)
            {
                text += " The answer turns on how much of GDP's rise after its last original-basis level was prices rather than the census revision.";
            }
        }

        var extra = extrapolations.ToArray();
        if (extra.Length > 0)
        {
            text += NowcastMessages.Invariant($"\n\nExtrapolating the published series alone, which ignores everything published after {Headline.LastYear}, gives {string.Join("; ", extra.Select(e => $"{e.Probability:0.000} ({e.ModelName})"))}: shown as sensitivity, not as the answer.");
        }

        if (outOfSample is { Forecasts.Count: > 0 } record)
        {
            var tooHigh = record.Forecasts.Count(f => f.LogError < 0);
            text += NowcastMessages.Invariant($"\n\nOut of sample, on {record.Series.Indicator.EnglishName} ({record.Series.Zone}) to {record.Series.Points[^1].Year}, {tooHigh} of {record.Forecasts.Count} projections 1-{record.Forecasts.Max(f => f.Horizon)} years ahead were too high (mean absolute error {100 * record.Forecasts.Average(f => Math.Abs(f.LogError)):0.#} %): extrapolated growth has overshot here before.");
        }

        text += NowcastMessages.Invariant($"\n\nWhat would settle it: the zone's published {target.Year} {target.Indicator.ChineseName} (met at {target.Value:0.#} or more).");
        if (AddedValueThresholds is { } t)
        {
            text += NowcastMessages.Invariant($" Short of that, a published {target.Year} core added value of {t.Likely:0} or more makes it likely, and one below {t.Unlikely:0} unlikely (at {t.Ratio.Name}: {t.Ratio.Value:0.00}, with its drift; a figure on a revised basis is first divided by the revision).");

            // The latest year whose added value was published (its bridge is the ratio times that figure: two factors).
            var published = Nowcasts.Where(n => n.Bridge == RevenueBridge.ViaAddedValue).SelectMany(n => n.BridgedValues).LastOrDefault(v => v.Factors.Count == 2);
            if (published is not null && published.Year < target.Year)
            {
                var rate = Math.Pow(t.Unlikely / published.Factors[1].Value, 1.0 / (target.Year - published.Year)) - 1;
                text += NowcastMessages.Invariant($" From the {published.Factors[1].Value:0.#} of {published.Year}, that is growth below {100 * rate:0.0} % a year.");
            }
        }

        return text;
    }
}
