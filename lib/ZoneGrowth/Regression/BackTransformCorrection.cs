namespace ZoneGrowth.Regression;

/// <summary>
/// How a log-scale prediction m = a + b·t is turned into a level on the original scale. exp(m) estimates the median;
/// the mean of a log-normal level is larger, by a factor that these corrections estimate.
/// </summary>
public enum BackTransformCorrection
{
    /// <summary>Duan's (1983) smearing estimate: exp(m)·(1/n)Σexp(eᵢ). Needs no normality of the residuals (the default).</summary>
    Smearing = 0,

    /// <summary>Log-normal correction exp(m)·exp(s²/2), s² = SSR/(n − k); exact for normal errors with known variance.</summary>
    LogNormal,

    /// <summary>No correction: exp(m), an estimate of the median level rather than the mean.</summary>
    None,
}
