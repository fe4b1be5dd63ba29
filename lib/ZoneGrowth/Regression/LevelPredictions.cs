using System.Globalization;

namespace ZoneGrowth.Regression;

/// <summary>
/// Trend predictions of a log-linear model on the original scale. With m the log-scale mean at a year:
/// <see cref="Medians"/> = exp(m), <see cref="Levels"/> = exp(m)·<see cref="CorrectionFactor"/>, and the intervals are
/// exp of the log-scale interval endpoints (an interval for the median trend, and for a new observation).
/// </summary>
public sealed class LevelPredictions
{
    internal LevelPredictions(int[] years, PredictionResults log, BackTransformCorrection correction, double factor)
    {
        Years = Array.AsReadOnly(years);
        LogScale = log;
        Correction = correction;
        CorrectionFactor = factor;
        Medians = log.Means.Select(m => Math.Exp(m)).ToList().AsReadOnly();
        Levels = log.Means.Select(m => Math.Exp(m) * factor).ToList().AsReadOnly();
        MedianConfidenceIntervals = log.MeanConfidenceIntervals.Select(c => new ConfidenceInterval(Math.Exp(c.Lower), Math.Exp(c.Upper), c.Level)).ToList().AsReadOnly();
        PredictionIntervals = log.ObservationPredictionIntervals.Select(c => new ConfidenceInterval(Math.Exp(c.Lower), Math.Exp(c.Upper), c.Level)).ToList().AsReadOnly();
        Description = Describe(correction, factor);
    }

    /// <summary>The years predicted.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The log-scale predictions (mean, standard errors, intervals) underneath.</summary>
    public PredictionResults LogScale { get; }

    /// <summary>The bias correction used for <see cref="Levels"/>.</summary>
    public BackTransformCorrection Correction { get; }

    /// <summary>The correction factor: 1, exp(s²/2) or Duan's (1/n)Σexp(eᵢ).</summary>
    public double CorrectionFactor { get; }

    /// <summary>exp(m): the estimated median level.</summary>
    public IReadOnlyList<double> Medians { get; }

    /// <summary>exp(m)·<see cref="CorrectionFactor"/>: the estimated mean level.</summary>
    public IReadOnlyList<double> Levels { get; }

    /// <summary>exp of the log-scale mean interval: a confidence interval for the median trend level.</summary>
    public IReadOnlyList<ConfidenceInterval> MedianConfidenceIntervals { get; }

    /// <summary>exp of the log-scale prediction interval: an interval for a new observed level.</summary>
    public IReadOnlyList<ConfidenceInterval> PredictionIntervals { get; }

    /// <summary>One sentence stating which correction was used and its factor.</summary>
    public string Description { get; }

    internal static string Describe(BackTransformCorrection correction, double factor) => correction switch
    {
        BackTransformCorrection.Smearing => string.Create(CultureInfo.InvariantCulture, $"Levels are back-transformed with Duan's smearing estimate: exp(fit)·mean(exp(residuals)), factor {factor:0.000000}."),
        BackTransformCorrection.LogNormal => string.Create(CultureInfo.InvariantCulture, $"Levels are back-transformed with the log-normal correction: exp(fit)·exp(s²/2), factor {factor:0.000000}."),
        _ => "Levels are back-transformed without correction: exp(fit) estimates the median, not the mean.",
    };
}
