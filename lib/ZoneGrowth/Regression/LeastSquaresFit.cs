using MathNet.Numerics.LinearAlgebra;

namespace ZoneGrowth.Regression;

/// <summary>
/// The numerical core shared by every covariance choice of one fit: coefficients, residuals,
/// the map A = D·Π·R⁻¹ (so that (X'X)⁻¹ = A·Aᵀ and β = A·Q₁ᵀy) and the thin Q₁.
/// </summary>
internal sealed class LeastSquaresFit
{
    private LeastSquaresFit()
    {
    }

    public required string ResponseName { get; init; }

    public required IReadOnlyList<string> ParameterNames { get; init; }

    /// <summary>Index of the constant column (the intercept, or a constant regressor when fitted without one); −1 if none.</summary>
    public required int ConstantColumn { get; init; }

    public required bool InterceptIncluded { get; init; }

    public bool HasConstant => ConstantColumn >= 0;

    public required int N { get; init; }

    public required int K { get; init; }

    public required double[] Response { get; init; }

    public required double[] Coefficients { get; init; }

    public required double[] Residuals { get; init; }

    public required double[] Fitted { get; init; }

    public required double SumOfSquaredResiduals { get; init; }

    public required double[,] A { get; init; }

    public required double[,] ThinQ { get; init; }

    public required double[] Leverage { get; init; }

    public required double ConditionNumber { get; init; }

    public required double SmallestEigenvalue { get; init; }

    /// <summary>How many iterative-refinement corrections were applied to the QR solution (0 when it was already exact).</summary>
    public required int RefinementSteps { get; init; }

    /// <summary>Relative rank tolerance on |R_kk| / |R_00| of the scaled, pivoted factor.</summary>
    public static double RankTolerance(int n, int k) => 10.0 * Math.Max(n, k) * 2.220446049250313e-16;

    public static LeastSquaresFit Compute(double[] y, double[][] columns, IReadOnlyList<string> names, string responseName, int constantColumn, bool interceptIncluded)
    {
        int n = y.Length;
        int k = columns.Length;
        var qr = PivotedQr.Factor(columns, n);
        var r = qr.R;
        double r00 = Math.Abs(r[0, 0]);
        double tolerance = RankTolerance(n, k);
        for (int step = 0; step < k; step++)
        {
            double ratio = r00 > 0 ? Math.Abs(r[step, step]) / r00 : 0;
            if (!(ratio > tolerance))
            {
                var dependent = Enumerable.Range(step, k - step).Select(p => names[qr.Permutation[p]]).ToArray();
                var kept = Enumerable.Range(0, step).Select(p => names[qr.Permutation[p]]).ToArray();
                throw new RegressionException(RegressionMessages.RankDeficient(dependent, kept, ratio));
            }
        }

        // Qᵀy: the first k entries give the coefficients, the rest the residual vector (accurate even when Xβ cancels).
        var qty = (double[])y.Clone();
        qr.ApplyQTranspose(qty);
        var rInverse = UpperTriangularInverse(r, k);
        var a = new double[k, k];
        for (int p = 0; p < k; p++)
        {
            int original = qr.Permutation[p];
            for (int c = 0; c < k; c++)
            {
                a[original, c] = qr.Scale[original] * rInverse[p, c];
            }
        }

        // Back substitution R·z = (Qᵀy)[0..k), then undo pivoting and the exact power-of-two scaling.
        var z = new double[k];
        for (int row = k - 1; row >= 0; row--)
        {
            double sum = qty[row];
            for (int c = row + 1; c < k; c++)
            {
                sum -= r[row, c] * z[c];
            }

            z[row] = sum / r[row, row];
        }

        var residuals = new double[n];
        for (int i = k; i < n; i++)
        {
            residuals[i] = qty[i];
        }

        qr.ApplyQ(residuals);

        // Refine z and the residuals together on the augmented system, with compensated residual sums (see
        // LeastSquaresRefinement): it lifts Wampler5 (ill-conditioned, huge residual) above 7 correct digits.
        int refinementSteps = LeastSquaresRefinement.Refine(qr, y, columns, z, residuals);
        var coefficients = new double[k];
        for (int p = 0; p < k; p++)
        {
            int original = qr.Permutation[p];
            coefficients[original] = qr.Scale[original] * z[p];
        }

        double ssr = 0;
        for (int i = 0; i < n; i++)
        {
            ssr += residuals[i] * residuals[i];
        }
        var fitted = new double[n];
        for (int i = 0; i < n; i++)
        {
            fitted[i] = y[i] - residuals[i];
        }

        var thinQ = qr.ThinQ();
        var leverage = new double[n];
        for (int i = 0; i < n; i++)
        {
            double h = 0;
            for (int c = 0; c < k; c++)
            {
                h += thinQ[i, c] * thinQ[i, c];
            }

            leverage[i] = h;
        }

        // Singular values of X equal those of B = R·Πᵀ·D⁻¹ (k×k), since X = Q₁·B with orthonormal Q₁.
        var b = Matrix<double>.Build.Dense(k, k);
        for (int p = 0; p < k; p++)
        {
            for (int c = p; c < k; c++)
            {
                int original = qr.Permutation[c];
                b[p, original] = r[p, c] / qr.Scale[original];
            }
        }

        var singular = b.Svd(computeVectors: false).S;
        double largest = singular.Maximum();
        double smallest = singular.Minimum();
        return new LeastSquaresFit
        {
            ResponseName = responseName,
            ParameterNames = names,
            ConstantColumn = constantColumn,
            InterceptIncluded = interceptIncluded,
            N = n,
            K = k,
            Response = y,
            Coefficients = coefficients,
            Residuals = residuals,
            Fitted = fitted,
            SumOfSquaredResiduals = ssr,
            A = a,
            ThinQ = thinQ,
            Leverage = leverage,
            ConditionNumber = largest / smallest,
            SmallestEigenvalue = smallest * smallest,
            RefinementSteps = refinementSteps,
        };
    }

    private static double[,] UpperTriangularInverse(double[,] r, int k)
    {
        var inverse = new double[k, k];
        for (int c = 0; c < k; c++)
        {
            inverse[c, c] = 1.0 / r[c, c];
            for (int row = c - 1; row >= 0; row--)
            {
                double sum = 0;
                for (int m = row + 1; m <= c; m++)
                {
                    sum += r[row, m] * inverse[m, c];
                }

                inverse[row, c] = -sum / r[row, row];
            }
        }

        return inverse;
    }
}
