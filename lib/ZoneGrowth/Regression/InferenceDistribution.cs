namespace ZoneGrowth.Regression;

/// <summary>The reference distribution used for coefficient tests, coefficient intervals and prediction intervals.</summary>
public enum InferenceDistribution
{
    /// <summary>Student t with the residual degrees of freedom n − k (used with the classical covariance).</summary>
    StudentT = 0,

    /// <summary>Standard normal (used with robust covariances, as statsmodels does by default: its <c>use_t=False</c>).</summary>
    Normal,
}
