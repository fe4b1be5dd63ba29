using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace ZoneGrowth.Forecasting;

/// <summary>
/// Maximum likelihood search for the two state variances of a local linear trend: parametrised as
/// squares (σ² = p², so a variance can reach its boundary of zero), Nelder–Mead from several starts,
/// the best kept.
/// </summary>
internal static class VarianceSearch
{
    private static readonly (double Level, double Slope)[] Starts = [(0.01, 0.01), (0.1, 0.01), (0.01, 0.1), (0.05, 0.05), (0.001, 0.03)];

    /// <summary>The (σ²_level, σ²_slope) maximising <paramref name="logLikelihood"/>.</summary>
    public static (double Level, double Slope) Maximise(Func<double, double, double> logLikelihood)
    {
        var solver = new NelderMeadSimplex(1e-12, 5000);
        var objective = ObjectiveFunction.Value(p => -logLikelihood(p[0] * p[0], p[1] * p[1]));
        var best = (Value: double.PositiveInfinity, Point: Vector<double>.Build.Dense(2));
        foreach (var (level, slope) in Starts)
        {
            var result = solver.FindMinimum(objective, Vector<double>.Build.Dense([level, slope]), Vector<double>.Build.Dense([0.02, 0.02]));
            if (result.FunctionInfoAtMinimum.Value < best.Value)
            {
                best = (result.FunctionInfoAtMinimum.Value, result.MinimizingPoint);
            }
        }

        return (best.Point[0] * best.Point[0], best.Point[1] * best.Point[1]);
    }
}
