namespace ZoneGrowth.Regression;

/// <summary>
/// How the covariance matrix of the coefficients is estimated (statsmodels' <c>cov_type</c>).
/// The default, <see cref="Classical"/>, assumes homoskedastic, uncorrelated errors.
/// </summary>
public enum CovarianceType
{
    /// <summary>Non-robust: s²·(X'X)⁻¹ with s² = SSR / (n − k). Inference uses Student t with n − k degrees of freedom.</summary>
    Classical = 0,

    /// <summary>White's heteroskedasticity-consistent estimator: (X'X)⁻¹ X' diag(eᵢ²) X (X'X)⁻¹.</summary>
    HC0,

    /// <summary>HC0 scaled by n / (n − k) (MacKinnon and White 1985).</summary>
    HC1,

    /// <summary>Like HC0 with eᵢ² replaced by eᵢ² / (1 − hᵢᵢ), hᵢᵢ the leverage.</summary>
    HC2,

    /// <summary>Like HC0 with eᵢ² replaced by eᵢ² / (1 − hᵢᵢ)² (jackknife-like, the safest in small samples).</summary>
    HC3,

    /// <summary>
    /// Newey-West heteroskedasticity and autocorrelation consistent estimator with the Bartlett kernel
    /// wₗ = 1 − l / (L + 1): (X'X)⁻¹ [Σₜ uₜuₜ' + Σₗ₌₁..L wₗ Σₜ (uₜuₜ₋ₗ' + uₜ₋ₗuₜ')] (X'X)⁻¹ with uₜ = xₜeₜ,
    /// optionally multiplied by n / (n − k) (statsmodels' <c>use_correction=True</c>).
    /// </summary>
    NeweyWest,
}
