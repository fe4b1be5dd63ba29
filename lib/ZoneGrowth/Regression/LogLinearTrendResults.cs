using System.Globalization;

namespace ZoneGrowth.Regression;

/// <summary>
/// Results of a <see cref="LogLinearTrend"/>: the annual growth rate e^b − 1 with its interval, the OLS results
/// underneath, compound growth between observed years and levels on the original scale.
/// </summary>
public sealed class LogLinearTrendResults
{
    private readonly GrowthSeries series;

    internal LogLinearTrendResults(GrowthSeries series, int baseYear, RegressionResults regression)
    {
        this.series = series;
        BaseYear = baseYear;
        Regression = regression;
    }

    /// <summary>How many of the points are derived from another point's published growth rate rather than published (0 when unknown).</summary>
    public int DerivedCount { get; internal set; }

    /// <summary>Series name.</summary>
    public string SeriesLabel => series.Label;

    /// <summary>Year at which the trend regressor is zero.</summary>
    public int BaseYear { get; }

    /// <summary>Observed years, sorted.</summary>
    public IReadOnlyList<int> Years => Array.AsReadOnly(series.Years);

    /// <summary>Observed values in the order of <see cref="Years"/>.</summary>
    public IReadOnlyList<double> Values => Array.AsReadOnly(series.Values);

    /// <summary>Years between the first and last observation without a value (gaps).</summary>
    public IReadOnlyList<int> MissingYears => series.MissingYears();

    /// <summary>The OLS fit of ln(value) on an intercept and year − <see cref="BaseYear"/>.</summary>
    public RegressionResults Regression { get; }

    /// <summary>The log-scale slope b (continuous annual growth rate).</summary>
    public double LogSlope => Regression.Coefficients[1];

    /// <summary>Standard error of <see cref="LogSlope"/> under the chosen covariance.</summary>
    public double LogSlopeStandardError => Regression.StandardErrors[1];

    /// <summary>Annual growth rate g = e^b − 1 (computed with expm1 so small rates keep their digits).</summary>
    public double AnnualGrowthRate => double.ExpM1(LogSlope);

    /// <summary>Interval for g: the endpoints of b's interval transformed by e^x − 1 (monotone, so the level is preserved).</summary>
    /// <param name="level">Confidence level in (0, 1), default 0.95.</param>
    public ConfidenceInterval AnnualGrowthRateInterval(double level = 0.95)
    {
        var slope = Regression.ConfidenceIntervals(level)[1];
        return new ConfidenceInterval(double.ExpM1(slope.Lower), double.ExpM1(slope.Upper), level);
    }

    /// <summary>Compound annual growth rate between two observed years, (v₁/v₀)^(1/(y₁ − y₀)) − 1, from the observed values.</summary>
    /// <param name="fromYear">Start year y₀ (observed).</param>
    /// <param name="toYear">End year y₁ &gt; y₀ (observed).</param>
    /// <exception cref="RegressionException">A year is not observed, or y₀ ≥ y₁.</exception>
    public double CompoundAnnualGrowthRate(int fromYear, int toYear) => GrowthRates.CompoundAnnualGrowthRate(series, fromYear, toYear);

    /// <summary>
    /// Trend levels on the original scale at the given years: exp(m) times the chosen bias correction, with m the
    /// log-scale mean; also exp of the log-scale confidence and prediction interval endpoints.
    /// </summary>
    /// <param name="years">Years at which to predict (inside or outside the sample).</param>
    /// <param name="correction">Back-transformation correction (default Duan's smearing).</param>
    /// <param name="level">Confidence level of the intervals, default 0.95.</param>
    public LevelPredictions PredictLevels(IReadOnlyList<int> years, BackTransformCorrection correction = BackTransformCorrection.Smearing, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (years.Count == 0)
        {
            throw new RegressionException(RegressionMessages.PredictionNoPoints());
        }

        var rows = years.Select(y => new[] { 1.0, y - BaseYear }).ToArray();
        var log = Regression.PredictRows(rows, level);
        double factor = CorrectionFactor(correction);
        return new LevelPredictions(years.ToArray(), log, correction, factor);
    }

    /// <summary>The multiplicative bias-correction factor: 1, exp(s²/2) or (1/n)Σexp(eᵢ).</summary>
    /// <param name="correction">The correction.</param>
    public double CorrectionFactor(BackTransformCorrection correction) => CorrectionFactor(Regression, correction);

    /// <summary>The regression summary with growth notes: model, growth rate, gaps and the level correction used.</summary>
    /// <param name="correction">The back-transformation correction to state.</param>
    /// <param name="level">Confidence level, default 0.95.</param>
    public RegressionSummary Summary(BackTransformCorrection correction = BackTransformCorrection.Smearing, double level = 0.95)
    {
        var interval = AnnualGrowthRateInterval(level);
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Growth model for '{SeriesLabel}': ln(value) = a + b·(year − {BaseYear}); annual growth rate e^b − 1 = {AnnualGrowthRate:P2} ({level:P0} interval {interval.Lower:P2} … {interval.Upper:P2}, the interval of b transformed)."),
        };
        var missing = MissingYears;
        if (missing.Count > 0)
        {
            notes.Add(GapNote(missing));
        }

        if (DerivedNote(DerivedCount, Years.Count, Regression.ResidualDegreesOfFreedom) is { } derived)
        {
            notes.Add(derived);
        }

        notes.Add(LevelPredictions.Describe(correction, CorrectionFactor(correction)));
        return Regression.Summary(level, notes);
    }

    /// <summary>The factor of a log-scale fit: 1, exp(SSR/(n − k)/2) or Duan's (1/n)Σexp(eᵢ).</summary>
    internal static double CorrectionFactor(RegressionResults regression, BackTransformCorrection correction) => correction switch
    {
        BackTransformCorrection.None => 1.0,
        BackTransformCorrection.LogNormal => Math.Exp(regression.SumOfSquaredResiduals / regression.ResidualDegreesOfFreedom / 2.0),
        BackTransformCorrection.Smearing => regression.Residuals.Average(e => Math.Exp(e)),
        _ => throw new ArgumentOutOfRangeException(nameof(correction)),
    };

    /// <summary>The summary note on years missing inside the sample.</summary>
    internal static string GapNote(IReadOnlyList<int> missing) =>
        string.Create(CultureInfo.InvariantCulture, $"Years without data inside the sample: {string.Join(", ", missing)} (gaps are allowed; the trend uses the observed years only, but Durbin-Watson and Newey-West treat consecutive observations as adjacent).");

    /// <summary>The annual growth rate as a key figure, with its confidence interval at <paramref name="level"/> (declared as such).</summary>
    /// <param name="notebookKey">The publishing notebook's key.</param>
    /// <param name="name">The figure's name within the notebook.</param>
    /// <param name="level">The confidence level, default 0.95.</param>
    public Publishing.PublishedResult KeyFigure(string notebookKey, string name, double level = 0.95)
    {
        var interval = AnnualGrowthRateInterval(level);
        return Publishing.PublishedResult.Create(notebookKey, name, AnnualGrowthRate, interval.Lower, interval.Upper, "per year",
            string.Create(CultureInfo.InvariantCulture, $"{SeriesLabel}: growth rate a year on its log-linear trend, {Years[0]}-{Years[^1]}, with its {100 * level:0.#} % confidence interval {DegreesText(Regression.ResidualDegreesOfFreedom, DerivedCount, Years.Count)}."),
            Publishing.IntervalKind.Confidence);
    }

    /// <summary>"(2 residual degrees of freedom; 2 of its 4 points derived, so it is surer than the published figures alone support)".</summary>
    internal static string DegreesText(int residualDegreesOfFreedom, int derived, int points) =>
        string.Create(CultureInfo.InvariantCulture, $"({residualDegreesOfFreedom} residual {(residualDegreesOfFreedom == 1 ? "degree" : "degrees")} of freedom")
        + (derived > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {derived} of its {points} points derived, so it is surer than the published figures alone support)") : ")");

    /// <summary>
    /// When some points are derived from another's published growth rate: how many, and that the residual degrees
    /// of freedom count them as independent observations, which they are not; else null.
    /// </summary>
    internal static string? DerivedNote(int derived, int points, int residualDegreesOfFreedom)
    {
        if (derived == 0)
        {
            return null;
        }

        var published = points - derived;
        return string.Create(CultureInfo.InvariantCulture,
            $"{derived} of the {points} points are derived (each worked back from a published level and the growth rate published beside it), not observed: the {residualDegreesOfFreedom} residual degrees of freedom count them as independent, so the intervals are narrower than the {published} published {(published == 1 ? "level supports" : "levels support")}.");
    }
}
