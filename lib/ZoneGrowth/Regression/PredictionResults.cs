namespace ZoneGrowth.Regression;

/// <summary>
/// Predictions at new points (statsmodels' <c>get_prediction(...).summary_frame()</c>): the estimated mean x₀β̂,
/// its standard error √(x₀Vx₀ᵀ) and confidence interval, and the prediction interval for a new observation,
/// whose standard error is √(x₀Vx₀ᵀ + s²). Both intervals use ±c·SE with c from <see cref="Distribution"/>.
/// </summary>
public sealed class PredictionResults
{
    internal PredictionResults(double[] means, double[] meanStandardErrors, double[] observationStandardErrors, ConfidenceInterval[] meanIntervals, ConfidenceInterval[] observationIntervals, double level, InferenceDistribution distribution)
    {
        Means = Array.AsReadOnly(means);
        MeanStandardErrors = Array.AsReadOnly(meanStandardErrors);
        ObservationStandardErrors = Array.AsReadOnly(observationStandardErrors);
        MeanConfidenceIntervals = Array.AsReadOnly(meanIntervals);
        ObservationPredictionIntervals = Array.AsReadOnly(observationIntervals);
        Level = level;
        Distribution = distribution;
    }

    /// <summary>Predicted means ŷ₀ = x₀β̂ (statsmodels' <c>mean</c>).</summary>
    public IReadOnlyList<double> Means { get; }

    /// <summary>Standard errors of the means √(x₀Vx₀ᵀ) (<c>mean_se</c>).</summary>
    public IReadOnlyList<double> MeanStandardErrors { get; }

    /// <summary>Standard errors for a new observation √(x₀Vx₀ᵀ + s²), s² = SSR/(n − k).</summary>
    public IReadOnlyList<double> ObservationStandardErrors { get; }

    /// <summary>Confidence intervals of the means ŷ₀ ± c·√(x₀Vx₀ᵀ) (<c>mean_ci_lower/upper</c>).</summary>
    public IReadOnlyList<ConfidenceInterval> MeanConfidenceIntervals { get; }

    /// <summary>Prediction intervals for new observations ŷ₀ ± c·√(x₀Vx₀ᵀ + s²) (<c>obs_ci_lower/upper</c>).</summary>
    public IReadOnlyList<ConfidenceInterval> ObservationPredictionIntervals { get; }

    /// <summary>Confidence level of the intervals.</summary>
    public double Level { get; }

    /// <summary>Distribution of the critical value c (Student t with n − k df, or normal under a robust covariance).</summary>
    public InferenceDistribution Distribution { get; }
}
