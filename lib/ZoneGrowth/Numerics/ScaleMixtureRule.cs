using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace ZoneGrowth.Numerics;

/// <summary>
/// The Gauss quadrature rule for an expectation over a variance estimated from ν degrees of freedom:
/// E[f(w)] with w = ν ÷ χ²_ν, the scaled inverse-χ² variance factor. The rule is Gaussian in τ = 1 ÷ √w, whose
/// density ∝ τ^(ν−1) e^(−ντ²/2) is smooth and whose integrands here (normal probabilities with a variance
/// linear in w = 1 ÷ τ²) are smooth in τ, so n nodes integrate exactly the polynomials of degree 2n − 1 in τ and
/// converge fast: 8 nodes agree with adaptive quadrature to about 10⁻⁶ for ν ≥ 2. The nodes come from the
/// three-term recurrence of the weight's orthogonal polynomials (the Stieltjes procedure on a 400-point
/// Gauss–Legendre discretisation of the weight) and the eigenvalues of its Jacobi matrix (Golub and Welsch, 1969).
/// </summary>
internal static class ScaleMixtureRule
{
    private const int Discretisation = 400;

    /// <summary>The variance factors w and their weights (summing to 1) of the n-point rule for ν degrees of freedom.</summary>
    public static (double[] Factor, double[] Weight) Create(double nu, int n)
    {
        // In x = τ √(ν/2) the weight is x^(ν−1) e^(−x²) on [0, ∞); beyond x_max (a tenth past the point with 1e-14
        // of the mass above it) what is left is below 1e-16.
        var xMax = 1.1 * Math.Sqrt(ChiSquared.InvCDF(nu, 1 - 1e-14) / 2);
        var (x, w) = GaussLegendre.On(0, xMax, Discretisation);
        for (var i = 0; i < w.Length; i++)
        {
            w[i] *= Math.Pow(x[i], nu - 1) * Math.Exp(-x[i] * x[i]);
        }

        var alpha = new double[n];
        var beta = new double[n];
        var previous = new double[x.Length];
        var current = Enumerable.Repeat(1.0, x.Length).ToArray();
        var previousNorm = 1.0;
        for (var k = 0; k < n; k++)
        {
            double norm = 0, first = 0;
            for (var i = 0; i < x.Length; i++)
            {
                norm += w[i] * current[i] * current[i];
                first += w[i] * x[i] * current[i] * current[i];
            }

            alpha[k] = first / norm;
            beta[k] = k == 0 ? norm : norm / previousNorm;
            var next = new double[x.Length];
            for (var i = 0; i < x.Length; i++)
            {
                next[i] = ((x[i] - alpha[k]) * current[i]) - (k == 0 ? 0 : beta[k] * previous[i]);
            }

            (previous, current, previousNorm) = (current, next, norm);
        }

        var jacobi = Matrix<double>.Build.Dense(n, n);
        for (var k = 0; k < n; k++)
        {
            jacobi[k, k] = alpha[k];
            if (k > 0)
            {
                jacobi[k, k - 1] = jacobi[k - 1, k] = Math.Sqrt(beta[k]);
            }
        }

        var evd = jacobi.Evd(Symmetricity.Symmetric);
        var nodes = evd.EigenValues.Select(e => e.Real).ToArray();
        var weights = Enumerable.Range(0, n).Select(j => evd.EigenVectors[0, j] * evd.EigenVectors[0, j]).ToArray();
        var sum = weights.Sum();
        // τ = x ÷ √(ν/2), w = 1 ÷ τ².
        return (nodes.Select(xj => nu / (2 * xj * xj)).ToArray(), weights.Select(v => v / sum).ToArray());
    }
}
