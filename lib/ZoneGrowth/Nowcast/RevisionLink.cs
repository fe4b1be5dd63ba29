using MathNet.Numerics.Distributions;
using ZoneGrowth.Data;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// Whether revenue moves with a census revision of GDP: a stated prior (<see cref="NowcastOptions.PriorProbabilityRevenueMovesWithRevision"/>)
/// updated by the earlier census years in the data. In such a year ln(revenue ÷ GDP) steps by
/// D = drift − (revision, if the year's GDP level is the revised one and revenue did not move with it).
/// With the drift Student t at the scale of the other steps (each step of k years has scale σ√k,
/// σ² = the mean of the other steps' change² ÷ years, ν = their number), the revision uniform on
/// [0, ρ_max] (<see cref="NowcastOptions.MaximumCensusRevision"/>) and the level revised with
/// probability q (1 when its row names a revised basis, <see cref="NowcastOptions.ProbabilityUnmarkedCensusLevelIsRevised"/>
/// when it names none), the Bayes factor for "revenue stays on its basis" against "revenue moves" is
/// [q · (T((D + ρ_max) ÷ s) − T(D ÷ s)) ÷ ρ_max + (1 − q) · f(D)] ÷ f(D), f the drift's density and
/// s its scale: under "moves" the step is drift alone whatever the level is.
/// </summary>
public sealed class RevisionLink
{
    private RevisionLink(double prior, IReadOnlyList<CensusYearStep> steps)
    {
        PriorProbability = prior;
        Steps = steps;
        BayesFactor = steps.Aggregate(1.0, (f, s) => f * s.BayesFactor);
        Probability = prior / (prior + ((1 - prior) * BayesFactor));
    }

    /// <summary>The prior probability that revenue moves with the revision.</summary>
    public double PriorProbability { get; }

    /// <summary>The census-year steps of ln(revenue ÷ GDP) used as evidence (empty when the data have none).</summary>
    public IReadOnlyList<CensusYearStep> Steps { get; }

    /// <summary>The Bayes factor of "revenue stays on its basis" against "revenue moves with the revision" (1: no evidence).</summary>
    public double BayesFactor { get; }

    /// <summary>The probability that revenue moves with the revision, after the evidence.</summary>
    public double Probability { get; }

    /// <summary>Tests the census years of the series' ratio to GDP.</summary>
    /// <param name="data">The data (for the GDP rows).</param>
    /// <param name="series">The target series, with its implied previous years.</param>
    /// <param name="options">The priors and census years.</param>
    public static RevisionLink Estimate(DataSet data, IndicatorSeries series, NowcastOptions options)
    {
        Check(options.PriorProbabilityRevenueMovesWithRevision, "The prior probability that revenue moves with a census revision");
        Check(options.ProbabilityUnmarkedCensusLevelIsRevised, "The probability that an unmarked census-year level is revised");
        var gdp = data.WholeYearObservations
            .Where(o => o.Zone == series.Zone && o.Indicator.Id == options.Gdp && o.Status == ObservationStatus.Reported && o.Basis.Length == 0)
            .GroupBy(o => o.Year).ToDictionary(g => g.Key, g => g.OrderBy(o => o.Published, StringComparer.Ordinal).Last());
        var ratios = series.Points.Where(p => gdp.ContainsKey(p.Year)).Select(p => (p.Year, Log: Math.Log(p.Value / gdp[p.Year].Value))).ToArray();
        var all = ratios.Zip(ratios.Skip(1), (a, b) => (From: a.Year, To: b.Year, Change: b.Log - a.Log)).ToArray();
        var steps = new List<CensusYearStep>();
        foreach (var step in all.Where(s => options.CensusYears.Contains(s.To)))
        {
            var others = all.Where(s => s != step).ToArray();
            if (others.Length == 0)
            {
                continue;
            }

            var sigma = Math.Sqrt(others.Average(s => s.Change * s.Change / (s.To - s.From)));
            var scale = sigma * Math.Sqrt(step.To - step.From);
            var nu = others.Length;
            var level = gdp[step.To];
            var q = level.Basis.Length > 0 ? 1 : options.ProbabilityUnmarkedCensusLevelIsRevised;
            var drift = StudentT.PDF(0, scale, nu, step.Change);
            var revisedAndStays = (StudentT.CDF(0, scale, nu, step.Change + options.MaximumCensusRevision) - StudentT.CDF(0, scale, nu, step.Change)) / options.MaximumCensusRevision;
            var factor = ((q * revisedAndStays) + ((1 - q) * drift)) / drift;
            steps.Add(new CensusYearStep(step.From, step.To, step.Change, sigma, nu, q, factor, level));
        }

        return new RevisionLink(options.PriorProbabilityRevenueMovesWithRevision, steps);
    }

    private static void Check(double probability, string what)
    {
        if (!(probability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), NowcastMessages.BadProbability(what, probability));
        }
    }
}
