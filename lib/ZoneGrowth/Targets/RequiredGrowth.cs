namespace ZoneGrowth.Targets;

/// <summary>The constant annual growth needed to go from a baseline to a target.</summary>
/// <param name="BaselineYear">The year of the last published value.</param>
/// <param name="Baseline">The last published value (converted, if a conversion applies).</param>
/// <param name="TargetYear">The target year.</param>
/// <param name="Target">The target value.</param>
public sealed record RequiredGrowth(int BaselineYear, double Baseline, int TargetYear, double Target)
{
    /// <summary>The number of years of growth: target year − baseline year.</summary>
    public int Years => TargetYear - BaselineYear;

    /// <summary>Target ÷ baseline.</summary>
    public double Multiple => Target / Baseline;

    /// <summary>The constant annual rate needed: (target ÷ baseline)^(1 / years) − 1.</summary>
    public double AnnualRate => Math.Pow(Multiple, 1.0 / Years) - 1;

    /// <summary>
    /// The years needed to reach the target at a constant annual <paramref name="rate"/>:
    /// ln(target ÷ baseline) ÷ ln(1 + rate). Zero when the baseline already meets the target;
    /// positive infinity when the target is above the baseline and the rate is not positive.
    /// </summary>
    public double YearsNeeded(double rate)
    {
        if (!(rate > -1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), TargetMessages.ScenarioRate("years needed", rate));
        }

        if (Multiple <= 1)
        {
            return 0;
        }

        return rate <= 0 ? double.PositiveInfinity : Math.Log(Multiple) / Math.Log(1 + rate);
    }

    /// <summary>The required rate as a key figure.</summary>
    /// <param name="notebookKey">The publishing notebook's key.</param>
    /// <param name="name">The figure's name within the notebook, default <c>required_growth</c>.</param>
    public Publishing.PublishedResult KeyFigure(string notebookKey, string name = "required_growth") =>
        Publishing.PublishedResult.Create(notebookKey, name, AnnualRate, null, null, "per year",
            FormattableString.Invariant($"Constant growth a year needed from {BaselineYear} to reach the {TargetYear} target."));

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"From {Publishing.KeyFigureText.Level(Baseline)} in {BaselineYear} to {Publishing.KeyFigureText.Level(Target)} in {TargetYear} needs {Publishing.KeyFigureText.Percent(AnnualRate)} a year for {Years} years (×{Publishing.KeyFigureText.Factor(Multiple)}).");
}
