using System.Globalization;
using ZoneGrowth.Data;

namespace ZoneGrowth.Regression;

/// <summary>
/// The level shift of one basis in a <see cref="LevelShiftTrendResults"/>: the coefficient d of the dummy [basis = k] in
/// ln(value) = a + b·(year − base) + Σₖ dₖ·[basis = k]. At any trend year the level on basis k is e^d times the level on
/// the reference basis (the basis of the series' first year), i.e. <see cref="RelativeLevel"/> = e^d − 1 above it
/// (below when negative). Its interval is the endpoints of d's interval transformed by e^x − 1.
/// </summary>
public sealed class LevelShift
{
    private readonly RegressionResults regression;
    private readonly int index;

    internal LevelShift(string basis, string referenceBasis, IReadOnlyList<int> years, RegressionResults regression, int index)
    {
        Basis = basis;
        ReferenceBasis = referenceBasis;
        Years = years;
        this.regression = regression;
        this.index = index;
    }

    /// <summary>The basis shifted, e.g. <c>census5</c>.</summary>
    public string Basis { get; }

    /// <summary>The basis the shift is measured from: the basis of the series' first year (empty for the basis first published).</summary>
    public string ReferenceBasis { get; }

    /// <summary>The years on <see cref="Basis"/>, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The name of the dummy in the regression, e.g. "basis = census5".</summary>
    public string ParameterName => regression.ParameterNames[index];

    /// <summary>The log-scale shift d.</summary>
    public double Coefficient => regression.Coefficients[index];

    /// <summary>Standard error of d under the fit's covariance.</summary>
    public double StandardError => regression.StandardErrors[index];

    /// <summary>Two-sided p value of d (H₀: the two bases are at the same level, d = 0).</summary>
    public double PValue => regression.PValues[index];

    /// <summary>
    /// Whether the basis has a single year. Its dummy then fits that year exactly (residual 0, leverage 1): the year
    /// carries no information about growth, and d absorbs both the change of basis and the year's own departure from
    /// the trend, so it is not an estimate of the revision alone.
    /// </summary>
    public bool IsSingleYear => Years.Count == 1;

    /// <summary>e^d − 1: how far the level on <see cref="Basis"/> is above (negative: below) the reference basis.</summary>
    public double RelativeLevel => double.ExpM1(Coefficient);

    /// <summary>Confidence interval of d: d ± c·SE(d), c the critical value of the fit's distribution.</summary>
    /// <param name="level">Confidence level in (0, 1), default 0.95.</param>
    public ConfidenceInterval CoefficientInterval(double level = 0.95) => regression.ConfidenceIntervals(level)[index];

    /// <summary>Interval of e^d − 1: the endpoints of d's interval transformed (monotone, so the level is kept).</summary>
    /// <param name="level">Confidence level in (0, 1), default 0.95.</param>
    public ConfidenceInterval RelativeLevelInterval(double level = 0.95)
    {
        var d = CoefficientInterval(level);
        return new ConfidenceInterval(double.ExpM1(d.Lower), double.ExpM1(d.Upper), level);
    }

    /// <summary>
    /// "The basis revised after the fifth national economic census (2024) is 6.60 % below the basis first published at the same trend year: d = −0.0683, SE 0.0696, p = 0.382;
    /// 95 % interval of e^d − 1: −23.02 % … 13.32 %."
    /// </summary>
    /// <param name="level">Confidence level in (0, 1), default 0.95.</param>
    public string Describe(double level = 0.95)
    {
        var interval = RelativeLevelInterval(level);
        string direction = RelativeLevel >= 0 ? "above" : "below";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Capital(BasisText.Describe(Basis))} ({BasisText.Years(Years)}) is {Math.Abs(RelativeLevel):P2} {direction} {BasisText.Describe(ReferenceBasis)} at the same trend year: d = {Coefficient:0.0000;−0.0000}, SE {StandardError:0.0000}, p = {PValue:0.000}; {level:P0} interval of e^d − 1: {Percent(interval.Lower)} … {Percent(interval.Upper)}.");
    }

    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{100 * fraction:0.00;−0.00} %");

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <inheritdoc cref="Describe"/>
    public override string ToString() => Describe();
}
