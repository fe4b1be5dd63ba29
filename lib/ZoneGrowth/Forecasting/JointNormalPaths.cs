using MathNet.Numerics.LinearAlgebra;

namespace ZoneGrowth.Forecasting;

/// <summary>
/// A <see cref="PathModel"/> for a joint normal distribution of log levels: the given means, the
/// covariance C through a square root B with BBᵀ = C (from its eigen-decomposition, so a singular C
/// is fine) as the loadings, plus independent noise of a published figure with the given sd.
/// </summary>
internal static class JointNormalPaths
{
    public static PathModel Create(int firstYear, IReadOnlyList<double> mean, double[,] covariance, double noiseSd)
    {
        var evd = Matrix<double>.Build.DenseOfArray(covariance).Evd(Symmetricity.Symmetric);
        var root = evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(evd.EigenValues.Map(l => Math.Sqrt(Math.Max(l.Real, 0))));
        var loadings = Enumerable.Range(0, root.RowCount).Select(i => (IReadOnlyList<double>)root.Row(i).Select(x => x / noiseSd).ToArray()).ToArray();
        return new PathModel(firstYear, mean, loadings, cumulativeNoise: false, noiseSd, double.PositiveInfinity);
    }
}
