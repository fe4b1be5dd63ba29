using System.Globalization;
using ZoneGrowth.Data;
using static System.FormattableString;

namespace ZoneGrowth.Regression;

/// <summary>
/// Results of a <see cref="LevelShiftLogLinearTrend"/>, ln(value) = a + b·(year − base) + Σₖ dₖ·[basis = k]:
/// the annual growth rate e^b − 1 with its interval (from the variation within each basis), one
/// <see cref="LevelShift"/> per basis after the first, which years are on which basis, levels predicted on the
/// latest basis, and a sentence saying which model was used and why (<see cref="Description"/>).
/// With a single basis every number, and the summary, are those of <see cref="LogLinearTrendResults"/>.
/// </summary>
public sealed class LevelShiftTrendResults
{
    private readonly GrowthSeries series;
    private readonly string[] bases;

    internal LevelShiftTrendResults(GrowthSeries series, string[] bases, IReadOnlyList<BasisYears> groups, int baseYear, RegressionResults regression)
    {
        this.series = series;
        this.bases = bases;
        BaseYear = baseYear;
        Regression = regression;
        BasisGroups = groups;
        LevelShifts = groups.Skip(1)
            .Select((g, i) => new LevelShift(g.Basis, groups[0].Basis, g.Years, regression, i + 2))
            .ToList()
            .AsReadOnly();
    }

    /// <summary>Series name.</summary>
    public string SeriesLabel => series.Label;

    /// <summary>How many of the points are derived from another point's published growth rate rather than published (0 when unknown).</summary>
    public int DerivedCount { get; internal set; }

    /// <summary>Year at which the trend regressor is zero.</summary>
    public int BaseYear { get; }

    /// <summary>Observed years, sorted.</summary>
    public IReadOnlyList<int> Years => Array.AsReadOnly(series.Years);

    /// <summary>Observed values in the order of <see cref="Years"/>.</summary>
    public IReadOnlyList<double> Values => Array.AsReadOnly(series.Values);

    /// <summary>The basis of each year, in the order of <see cref="Years"/> (empty for the basis first published).</summary>
    public IReadOnlyList<string> Bases => Array.AsReadOnly(bases);

    /// <summary>The bases in order of their first year, each with its years; the first is the reference basis.</summary>
    public IReadOnlyList<BasisYears> BasisGroups { get; }

    /// <summary>The reference basis: that of the first year, the one without a dummy.</summary>
    public string ReferenceBasis => BasisGroups[0].Basis;

    /// <summary>The basis of the last year: predictions are on it.</summary>
    public string LatestBasis => bases[^1];

    /// <summary>One level shift per basis other than the reference basis, in order of their first year; empty with a single basis.</summary>
    public IReadOnlyList<LevelShift> LevelShifts { get; }

    /// <summary>Years between the first and last observation without a value (gaps).</summary>
    public IReadOnlyList<int> MissingYears => series.MissingYears();

    /// <summary>The OLS fit of ln(value) on an intercept, year − <see cref="BaseYear"/> and one dummy per shifted basis, in that order.</summary>
    public RegressionResults Regression { get; }

    /// <summary>The log-scale slope b (continuous annual growth rate), common to every basis.</summary>
    public double LogSlope => Regression.Coefficients[1];

    /// <summary>Standard error of <see cref="LogSlope"/> under the chosen covariance.</summary>
    public double LogSlopeStandardError => Regression.StandardErrors[1];

    /// <summary>Annual growth rate g = e^b − 1 (computed with expm1 so small rates keep their digits).</summary>
    public double AnnualGrowthRate => double.ExpM1(LogSlope);

    /// <summary>
    /// The years that inform the growth rate: those on a basis with two years or more. A year alone on its basis is
    /// fitted exactly by its dummy and says nothing about growth.
    /// </summary>
    public IReadOnlyList<int> GrowthYears => BasisGroups.Where(g => g.Years.Count > 1).SelectMany(g => g.Years).Order().ToList().AsReadOnly();

    /// <summary>The basis of an observed year.</summary>
    /// <exception cref="RegressionException">The year is not observed.</exception>
    public string BasisOf(int year)
    {
        int index = Array.IndexOf(series.Years, year);
        return index >= 0 ? bases[index] : throw new RegressionException(RegressionMessages.SeriesYearMissing(SeriesLabel, year));
    }

    /// <summary>Interval for g: the endpoints of b's interval transformed by e^x − 1 (monotone, so the level is preserved).</summary>
    /// <param name="level">Confidence level in (0, 1), default 0.95.</param>
    public ConfidenceInterval AnnualGrowthRateInterval(double level = 0.95)
    {
        var slope = Regression.ConfidenceIntervals(level)[1];
        return new ConfidenceInterval(double.ExpM1(slope.Lower), double.ExpM1(slope.Upper), level);
    }

    /// <summary>
    /// Compound annual growth rate between two observed years on the same basis, (v₁/v₀)^(1/(y₁ − y₀)) − 1, from the
    /// observed values. Years on different bases are refused: the change of basis would be counted as growth.
    /// </summary>
    /// <param name="fromYear">Start year y₀ (observed).</param>
    /// <param name="toYear">End year y₁ &gt; y₀ (observed, on the basis of y₀).</param>
    /// <exception cref="RegressionException">A year is not observed, y₀ ≥ y₁, or the two years are on different bases.</exception>
    public double CompoundAnnualGrowthRate(int fromYear, int toYear)
    {
        string from = BasisOf(fromYear);
        string to = BasisOf(toYear);
        if (!string.Equals(from, to, StringComparison.Ordinal))
        {
            throw new RegressionException(RegressionMessages.CompoundGrowthAcrossBases(SeriesLabel, fromYear, from, toYear, to));
        }

        return GrowthRates.CompoundAnnualGrowthRate(series, fromYear, toYear);
    }

    /// <summary>
    /// Trend levels on the original scale at the given years, on one basis (by default <see cref="LatestBasis"/>):
    /// m = a + b·(year − base) + d of that basis (0 on the reference basis); exp(m) times the chosen bias correction,
    /// with exp of the log-scale confidence and prediction interval endpoints.
    /// </summary>
    /// <param name="years">Years at which to predict (inside or outside the sample).</param>
    /// <param name="correction">Back-transformation correction (default Duan's smearing).</param>
    /// <param name="level">Confidence level of the intervals, default 0.95.</param>
    /// <param name="basis">The basis of the predicted levels; null for <see cref="LatestBasis"/>.</param>
    /// <exception cref="RegressionException">No years, or a basis that no year of the series is on.</exception>
    public LevelPredictions PredictLevels(IReadOnlyList<int> years, BackTransformCorrection correction = BackTransformCorrection.Smearing, double level = 0.95, string? basis = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (years.Count == 0)
        {
            throw new RegressionException(RegressionMessages.PredictionNoPoints());
        }

        basis ??= LatestBasis;
        if (!BasisGroups.Any(g => g.Basis == basis))
        {
            throw new RegressionException(RegressionMessages.UnknownBasis(SeriesLabel, basis, BasisGroups.Select(g => g.Basis)));
        }

        var dummies = LevelShifts.Select(s => s.Basis == basis ? 1.0 : 0.0).ToArray();
        var rows = years.Select(y => new[] { 1.0, y - BaseYear }.Concat(dummies).ToArray()).ToArray();
        var log = Regression.PredictRows(rows, level);
        return new LevelPredictions(years.ToArray(), log, correction, CorrectionFactor(correction));
    }

    /// <summary>The multiplicative bias-correction factor: 1, exp(s²/2) or (1/n)Σexp(eᵢ).</summary>
    /// <param name="correction">The correction.</param>
    public double CorrectionFactor(BackTransformCorrection correction) => LogLinearTrendResults.CorrectionFactor(Regression, correction);

    /// <summary>
    /// One sentence for notebooks: which model was fitted and why. With level shifts: "2024 is on the basis revised
    /// after the fifth national economic census; the trend is fitted with a level shift for the fifth census revision, so the
    /// revision is not counted as growth." followed by what a basis with a single year means. With one basis: that all
    /// years are on it and the trend is the plain log-linear trend.
    /// </summary>
    public string Description
    {
        get
        {
            if (LevelShifts.Count == 0)
            {
                return Invariant($"All {Years.Count} years of {SeriesLabel} ({BasisText.Years(Years)}) are on one basis ({BasisText.Describe(ReferenceBasis)}), so the trend is the plain log-linear trend, without a level shift.");
            }

            var shifted = string.Join(", ", LevelShifts.Select(s => Invariant($"{BasisText.Years(s.Years)} {(s.Years.Count == 1 ? "is" : "are")} on {BasisText.Describe(s.Basis)}")));
            bool revisions = LevelShifts.All(s => s.Basis.Length > 0);
            string change = revisions ? (LevelShifts.Count == 1 ? "the revision is" : "the revisions are") : "the change of basis is";
            string names = string.Join(" and ", LevelShifts.Select(s => BasisText.Revision(s.Basis)));
            string text = Invariant($"{shifted} and {BasisText.Years(BasisGroups[0].Years)} on {BasisText.Describe(ReferenceBasis)}; the trend is fitted with a level shift for {names}, so {change} not counted as growth.");
            return string.Join(" ", new[] { text }.Concat(SingleYearCaveats()));
        }
    }

    /// <summary>
    /// The caveats of the model: for each basis with a single year, that its dummy fits the year exactly, so that the
    /// year carries no information about growth and its shift also absorbs the year's own departure from the trend.
    /// </summary>
    public IReadOnlyList<string> Caveats => SingleYearCaveats().ToList().AsReadOnly();

    /// <summary>
    /// The regression summary with the growth notes: model, growth rate, each level shift, single-year caveats, gaps
    /// and the level correction used. With a single basis, exactly the <see cref="LogLinearTrendResults"/> summary.
    /// </summary>
    /// <param name="correction">The back-transformation correction to state.</param>
    /// <param name="level">Confidence level, default 0.95.</param>
    public RegressionSummary Summary(BackTransformCorrection correction = BackTransformCorrection.Smearing, double level = 0.95)
    {
        if (LevelShifts.Count == 0)
        {
            return new LogLinearTrendResults(series, BaseYear, Regression) { DerivedCount = DerivedCount }.Summary(correction, level);
        }

        var interval = AnnualGrowthRateInterval(level);
        string dummies = string.Concat(LevelShifts.Select(s => " + d·[" + s.ParameterName + "]"));
        var notes = new List<string>
        {
            Invariant($"Growth model for '{SeriesLabel}': ln(value) = a + b·(year − {BaseYear}){dummies}, one level shift per basis other than the first year's ({BasisText.Describe(ReferenceBasis)}), so a change of basis is not counted as growth; annual growth rate e^b − 1 = {AnnualGrowthRate:P2} ({level:P0} interval {interval.Lower:P2} … {interval.Upper:P2}, the interval of b transformed), from the variation within each basis ({BasisText.Years(GrowthYears)})."),
        };
        notes.AddRange(LevelShifts.Select(s => "Level shift: " + s.Describe(level)));
        notes.AddRange(SingleYearCaveats());
        var missing = MissingYears;
        if (missing.Count > 0)
        {
            notes.Add(LogLinearTrendResults.GapNote(missing));
        }

        if (LogLinearTrendResults.DerivedNote(DerivedCount, Regression.ObservationCount, Regression.ResidualDegreesOfFreedom) is { } derived)
        {
            notes.Add(derived);
        }

        notes.Add(Invariant($"Levels are predicted on the latest basis: {BasisText.Describe(LatestBasis)}. ") + LevelPredictions.Describe(correction, CorrectionFactor(correction)));
        return Regression.Summary(level, notes);
    }

    private IEnumerable<string> SingleYearCaveats()
    {
        if (LevelShifts.Count == 0)
        {
            yield break;
        }

        foreach (var group in BasisGroups.Where(g => g.Years.Count == 1))
        {
            int year = group.Years[0];
            yield return group.Basis == ReferenceBasis
                ? Invariant($"{year} is the only year on {BasisText.Describe(group.Basis)}, the reference basis: the fit passes exactly through it (residual 0), so {year} carries no information about growth, and the level shifts are measured from that one year, its own departure from the trend included.")
                : Invariant($"{year} is the only year on {BasisText.Describe(group.Basis)}: its level shift fits it exactly (residual 0), so {year} carries no information about growth, and the shift also absorbs {year}'s own departure from the trend (it is not the revision alone).");
        }
    }

    /// <summary>The annual growth rate as a key figure, with its confidence interval at <paramref name="level"/> (declared as such).</summary>
    /// <param name="notebookKey">The publishing notebook's key.</param>
    /// <param name="name">The figure's name within the notebook.</param>
    /// <param name="level">The confidence level, default 0.95.</param>
    public Publishing.PublishedResult KeyFigure(string notebookKey, string name, double level = 0.95)
    {
        var interval = AnnualGrowthRateInterval(level);
        var shifts = LevelShifts.Count == 0 ? string.Empty : " (a level shift per change of basis, so revisions are not growth)";
        return Publishing.PublishedResult.Create(notebookKey, name, AnnualGrowthRate, interval.Lower, interval.Upper, "per year",
            Invariant($"{SeriesLabel}: growth rate a year on its log-linear trend, {Years[0]}-{Years[^1]}{shifts}, with its {100 * level:0.#} % confidence interval {LogLinearTrendResults.DegreesText(Regression.ResidualDegreesOfFreedom, DerivedCount, Regression.ObservationCount)}."),
            Publishing.IntervalKind.Confidence);
    }
}
