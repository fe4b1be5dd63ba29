namespace ZoneGrowth.Regression;

/// <summary>
/// Computes the coefficient covariance in the orthonormal basis of the QR factor:
/// V = A·M·Aᵀ with A = D·Π·R⁻¹ and a k×k "meat" M built from the rows qᵢ of Q₁
/// (classical: M = s²·I; HC: M = Σ ωᵢ qᵢqᵢᵀ; HAC: M = Σ uₜuₜᵀ + Σₗ wₗ(…) with uₜ = qₜeₜ).
/// This equals the textbook (X'X)⁻¹X'ΩX(X'X)⁻¹ exactly, because X = Q₁·(A⁻¹), without forming X'X.
/// </summary>
internal static class CovarianceEstimator
{
    public static double[,] Compute(LeastSquaresFit fit, CovarianceSpecification specification)
    {
        int n = fit.N;
        int k = fit.K;
        var meat = new double[k, k];
        var e = fit.Residuals;
        var q = fit.ThinQ;
        switch (specification.Type)
        {
            case CovarianceType.Classical:
                double scale = fit.SumOfSquaredResiduals / (n - k);
                for (int c = 0; c < k; c++)
                {
                    meat[c, c] = scale;
                }

                break;
            case CovarianceType.HC0:
            case CovarianceType.HC1:
            case CovarianceType.HC2:
            case CovarianceType.HC3:
                for (int i = 0; i < n; i++)
                {
                    double weight = e[i] * e[i];
                    double oneMinusH = 1.0 - fit.Leverage[i];
                    if (specification.Type is CovarianceType.HC2 or CovarianceType.HC3 && oneMinusH <= 1e-12)
                    {
                        throw new RegressionException(RegressionMessages.LeverageOne(specification.Type.ToString(), i));
                    }

                    weight = specification.Type switch
                    {
                        CovarianceType.HC1 => weight * n / (n - k),
                        CovarianceType.HC2 => weight / oneMinusH,
                        CovarianceType.HC3 => weight / (oneMinusH * oneMinusH),
                        _ => weight,
                    };
                    AddOuter(meat, q, i, i, weight);
                }

                break;
            case CovarianceType.NeweyWest:
                int lags = specification.MaxLags ?? 0;
                for (int t = 0; t < n; t++)
                {
                    AddOuter(meat, q, t, t, e[t] * e[t]);
                }

                for (int l = 1; l <= lags; l++)
                {
                    double w = 1.0 - (l / (lags + 1.0));
                    for (int t = l; t < n; t++)
                    {
                        double factor = w * e[t] * e[t - l];
                        AddOuter(meat, q, t, t - l, factor);
                        AddOuter(meat, q, t - l, t, factor);
                    }
                }

                if (specification.UseCorrection)
                {
                    double correction = n / (double)(n - k);
                    for (int a = 0; a < k; a++)
                    {
                        for (int b = 0; b < k; b++)
                        {
                            meat[a, b] *= correction;
                        }
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(specification));
        }

        return Sandwich(fit.A, meat, k);
    }

    private static void AddOuter(double[,] meat, double[,] q, int row1, int row2, double weight)
    {
        int k = meat.GetLength(0);
        for (int a = 0; a < k; a++)
        {
            double left = weight * q[row1, a];
            for (int b = 0; b < k; b++)
            {
                meat[a, b] += left * q[row2, b];
            }
        }
    }

    private static double[,] Sandwich(double[,] a, double[,] meat, int k)
    {
        var am = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double sum = 0;
                for (int m = 0; m < k; m++)
                {
                    sum += a[i, m] * meat[m, j];
                }

                am[i, j] = sum;
            }
        }

        var v = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                double sum = 0;
                for (int m = 0; m < k; m++)
                {
                    sum += am[i, m] * a[j, m];
                }

                v[i, j] = sum;
            }
        }

        // Symmetrise to remove rounding asymmetry.
        for (int i = 0; i < k; i++)
        {
            for (int j = i + 1; j < k; j++)
            {
                double mean = 0.5 * (v[i, j] + v[j, i]);
                v[i, j] = mean;
                v[j, i] = mean;
            }
        }

        return v;
    }
}
