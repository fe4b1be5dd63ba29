using ZoneGrowth.Data;
using ZoneGrowth.Nowcast;

namespace ZoneGrowth.Targets;

/// <summary>
/// Finds the unpublished figures that would move the outlook most: every level of the target's chain the zone could
/// publish for a year from the model's first to the target's (on the basis it would be published on now), ranked by
/// the share of the target year's variance it would remove (at the scales' estimates, weighted by the hypotheses'
/// posterior); for the best of each indicator, the values at which P crosses 2/3 and 1/3, by adding it to the model
/// at trial values (a grid of 17 over ± 4 predictive standard deviations, then 8 more inside each crossing).
/// </summary>
internal static class Settling
{
    public static IReadOnlyList<SettlingFigure> Find(TargetOutlook outlook)
    {
        var model = outlook.Model;
        if (model.Outcome is not null)
        {
            return [];
        }

        var candidates = new List<(IndicatorDefinition Indicator, int Year, string Basis, LinearForm[] Forms)>();
        foreach (var indicator in model.Chain)
        {
            for (var year = model.FirstYear + 1; year <= model.TargetYear; year++)
            {
                if (indicator == model.TargetIndicator && year == model.TargetYear)
                {
                    continue;
                }

                var basis = model.BasisNow(indicator, year);
                if (model.Rows.Any(r => r.Row.Indicator == indicator && r.Row.Year == year && r.Row.IsWholeYear && r.Row.Basis == basis))
                {
                    continue;
                }

                candidates.Add((indicator, year, basis, model.Figure(indicator, year, basis)));
            }
        }

        var sd = outlook.Options.ReportedSd;
        bool Ends(IndicatorDefinition indicator, int year) => model.Silence is { } s && indicator == model.TargetIndicator && year == s.ThroughYear;
        var ones = Enumerable.Repeat(1.0, model.Scales.Count).ToArray();
        var scored = candidates.Select(c =>
        {
            double removed = 0, expected = 0, predictiveSd = 0;
            for (var h = 0; h < outlook.Systems.Count; h++)
            {
                var system = outlook.Systems[h];
                var work = system.NewWorkspace();
                system.Solve(ones, 0.5, work);
                var variance = work.QuantityCovariance[0, 0];
                var gain = new double[system.Quantities];
                var (mean, v) = system.Extend(system.Dense(c.Forms[h]), c.Forms[h].Constant, sd * sd, work, gain);
                var weight = outlook.BasisPosterior[model.Bases[h]];
                removed += weight * gain[0] * gain[0] * v / variance;
                expected += weight * mean;
                predictiveSd += weight * Math.Sqrt(v);
            }

            return (c.Indicator, c.Year, c.Basis, c.Forms, Removed: removed, Expected: expected, Sd: predictiveSd);
        }).Where(c => c.Removed > 1e-6).OrderByDescending(c => c.Removed).ToArray();

        return scored.GroupBy(c => c.Indicator).Select(g => g.First()).OrderByDescending(c => c.Removed).Take(2).Select(c =>
        {
            // P at nine values over ± 4 predictive standard deviations; each crossing located by monotone cubic
            // interpolation, then pinned by P at two values a twentieth of a standard deviation either side of it.
            // Values the other figures leave no room for (P is NaN there) are dropped from the search.
            var all = Enumerable.Range(-4, 9).Select(i => c.Expected + (i * c.Sd)).ToArray();
            var pAll = outlook.ProbabilityWith(c.Forms, sd, all, Ends(c.Indicator, c.Year));
            var grid = all.Where((_, i) => !double.IsNaN(pAll[i])).ToArray();
            var p = pAll.Where(v => !double.IsNaN(v)).ToArray();
            if (p.Length < 2)
            {
                return new SettlingFigure(c.Indicator, c.Year, c.Basis, TargetMessages.FigureName(model, c.Indicator, c.Year, c.Basis), Math.Exp(c.Expected), c.Removed, null, null, true);
            }

            var rising = p[^1] >= p[0];
            double? Crossing(double level)
            {
                var rough = MonotoneCrossing(grid, p, level);
                if (rough is not { } x0)
                {
                    return null;
                }

                var near = new[] { x0 - (0.05 * c.Sd), x0 + (0.05 * c.Sd) };
                var q = outlook.ProbabilityWith(c.Forms, sd, near, Ends(c.Indicator, c.Year));
                if (double.IsNaN(q[0]) || double.IsNaN(q[1]))
                {
                    return Math.Exp(x0);
                }

                if ((q[0] - level) * (q[1] - level) <= 0 && q[1] != q[0])
                {
                    return Math.Exp(near[0] + ((level - q[0]) / (q[1] - q[0]) * (near[1] - near[0])));
                }

                // The interpolation missed by more than its bracket: bracket again from the values known.
                var xs = grid.Concat(near).ToArray();
                var ps = p.Concat(q).ToArray();
                Array.Sort(xs, ps);
                return MonotoneCrossing(xs, ps, level) is { } x1 ? Math.Exp(x1) : null;
            }

            return new SettlingFigure(c.Indicator, c.Year, c.Basis, TargetMessages.FigureName(model, c.Indicator, c.Year, c.Basis), Math.Exp(c.Expected), c.Removed, Crossing(2.0 / 3), Crossing(1.0 / 3), rising);
        }).ToArray();
    }

    /// <summary>Where a monotone cubic (Fritsch–Carlson) through the points crosses <paramref name="level"/>, or null.</summary>
    internal static double? MonotoneCrossing(double[] x, double[] y, double level)
    {
        var n = x.Length;
        for (var i = 1; i < n; i++)
        {
            if ((y[i - 1] - level) * (y[i] - level) > 0 || y[i] == y[i - 1])
            {
                continue;
            }

            var slopes = new double[n];
            for (var k = 0; k < n; k++)
            {
                var left = k > 0 ? (y[k] - y[k - 1]) / (x[k] - x[k - 1]) : double.NaN;
                var right = k < n - 1 ? (y[k + 1] - y[k]) / (x[k + 1] - x[k]) : double.NaN;
                slopes[k] = k == 0 ? right : k == n - 1 ? left : left * right <= 0 ? 0 : 2 / ((1 / left) + (1 / right));
            }

            // Bisection on the Hermite cubic of the bracketing interval.
            double Hermite(double t)
            {
                var h = x[i] - x[i - 1];
                var (t2, t3) = (t * t, t * t * t);
                return (((2 * t3) - (3 * t2) + 1) * y[i - 1]) + ((t3 - (2 * t2) + t) * h * slopes[i - 1]) + ((-2 * t3 + (3 * t2)) * y[i]) + ((t3 - t2) * h * slopes[i]);
            }

            double a = 0, b = 1;
            var fa = Hermite(a) - level;
            for (var k = 0; k < 60; k++)
            {
                var m = (a + b) / 2;
                var fm = Hermite(m) - level;
                if (fa * fm <= 0)
                {
                    b = m;
                }
                else
                {
                    (a, fa) = (m, fm);
                }
            }

            return x[i - 1] + ((a + b) / 2 * (x[i] - x[i - 1]));
        }

        return null;
    }
}
