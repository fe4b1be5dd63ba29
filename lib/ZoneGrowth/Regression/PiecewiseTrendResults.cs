using System.Globalization;

namespace ZoneGrowth.Regression;

/// <summary>
/// Results of a <see cref="PiecewiseLogLinearTrend"/>: slopes and annual growth rates before and from the break year,
/// the slope change and its test, the Chow test and the OLS results underneath.
/// Coefficients: hinge [a, b, c] with slope after = b + c; separate segments [a, b, d, e] with slope after = b + e.
/// </summary>
public sealed class PiecewiseTrendResults
{
    internal PiecewiseTrendResults(string label, int breakYear, PiecewiseTrendForm form, RegressionResults regression, ChowTestResult? chow)
    {
        SeriesLabel = label;
        BreakYear = breakYear;
        Form = form;
        Regression = regression;
        ChowTest = chow;
        ChangeIndex = form == PiecewiseTrendForm.Hinge ? 2 : 3;
    }

    /// <summary>Series name.</summary>
    public string SeriesLabel { get; }

    /// <summary>The break year B.</summary>
    public int BreakYear { get; }

    /// <summary>The piecewise form fitted.</summary>
    public PiecewiseTrendForm Form { get; }

    /// <summary>The OLS fit underneath.</summary>
    public RegressionResults Regression { get; }

    /// <summary>The Chow test for a break at B (null when a regime has fewer than two points or n &lt; 5).</summary>
    public ChowTestResult? ChowTest { get; }

    /// <summary>Log-scale slope before B: b.</summary>
    public double SlopeBefore => Regression.Coefficients[1];

    /// <summary>Log-scale slope from B on: b + c (hinge) or b + e (separate segments).</summary>
    public double SlopeAfter => Regression.Coefficients[1] + Regression.Coefficients[ChangeIndex];

    /// <summary>Standard error of <see cref="SlopeAfter"/>: √(V_bb + V_cc + 2V_bc).</summary>
    public double SlopeAfterStandardError =>
        Math.Sqrt(Regression.Covariance(1, 1) + Regression.Covariance(ChangeIndex, ChangeIndex) + (2 * Regression.Covariance(1, ChangeIndex)));

    /// <summary>Annual growth rate before B: e^b − 1.</summary>
    public double GrowthRateBefore => double.ExpM1(SlopeBefore);

    /// <summary>Annual growth rate from B on: e^(slope after) − 1.</summary>
    public double GrowthRateAfter => double.ExpM1(SlopeAfter);

    private int ChangeIndex { get; }

    /// <summary>Interval for the growth rate before B: e^x − 1 of b ± c·SE(b).</summary>
    /// <param name="level">Confidence level, default 0.95.</param>
    public ConfidenceInterval GrowthRateBeforeInterval(double level = 0.95) => Transform(SlopeBefore, Regression.StandardErrors[1], level);

    /// <summary>Interval for the growth rate from B on: e^x − 1 of (slope after) ± c·SE(slope after).</summary>
    /// <param name="level">Confidence level, default 0.95.</param>
    public ConfidenceInterval GrowthRateAfterInterval(double level = 0.95) => Transform(SlopeAfter, SlopeAfterStandardError, level);

    /// <summary>The regression summary with notes on the piecewise form and the Chow test.</summary>
    /// <param name="level">Confidence level, default 0.95.</param>
    public RegressionSummary Summary(double level = 0.95)
    {
        var notes = new List<string>
        {
            Form == PiecewiseTrendForm.Hinge
                ? string.Create(CultureInfo.InvariantCulture, $"Piecewise trend for '{SeriesLabel}' (continuous hinge at {BreakYear}): growth {GrowthRateBefore:P2} a year before, {GrowthRateAfter:P2} from {BreakYear} on.")
                : string.Create(CultureInfo.InvariantCulture, $"Piecewise trend for '{SeriesLabel}' (separate intercept and slope from {BreakYear}): growth {GrowthRateBefore:P2} a year before, {GrowthRateAfter:P2} from {BreakYear} on."),
        };
        if (ChowTest is { } chow)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Chow test for a break at {BreakYear}: F({chow.NumeratorDegreesOfFreedom}, {chow.DenominatorDegreesOfFreedom}) = {chow.FStatistic:0.000}, p = {chow.PValue:0.0000}."));
        }
        else
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"No Chow test for {BreakYear}: each regime needs at least two points and the sample at least five."));
        }

        return Regression.Summary(level, notes);
    }

    private ConfidenceInterval Transform(double slope, double standardError, double level)
    {
        double critical = Regression.CriticalValue(level);
        return new ConfidenceInterval(double.ExpM1(slope - (critical * standardError)), double.ExpM1(slope + (critical * standardError)), level);
    }
}
