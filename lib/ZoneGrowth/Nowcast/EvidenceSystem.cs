namespace ZoneGrowth.Nowcast;

/// <summary>
/// The evidence model under one hypothesis as a linear Gaussian system in information form. The rows' values y are
/// y = H x + h₀ + e with e ~ N(0, R) (R diagonal, the rows' errors); the unknowns x have independent normal priors
/// (diffuse ones a vague normal), each variance its standard deviation² × its scale's variance factor (× λ or 1 − λ
/// for a split drift). Given those factors, x | y is normal with precision P = HᵀR⁻¹H + D⁻¹ and mean P⁻¹b,
/// b = HᵀR⁻¹(y − h₀) + D⁻¹μ, and the rows' likelihood is
/// ln p(y) = −½[(y − h₀)ᵀR⁻¹(y − h₀) + μᵀD⁻¹μ − bᵀP⁻¹b] − ½ ln|P| − ½ ln|D| + const,
/// the constant the same for every factor and hypothesis. Only the diagonal of P and b change with the factors, so
/// each evaluation is one Cholesky factorisation of an n × n matrix (n about 20).
/// </summary>
internal sealed class EvidenceSystem
{
    /// <summary>The precision of a diffuse unknown's vague prior: a standard deviation of 1000 on the log scale.</summary>
    private const double VaguePrecision = 1e-6;

    private readonly double[] _a;           // HᵀR⁻¹H, row-major n × n
    private readonly double[] _b0;          // HᵀR⁻¹(y − h₀)
    private readonly double _c0;            // (y − h₀)ᵀR⁻¹(y − h₀)
    private readonly ModelLatent[] _latents;
    private readonly int[] _group;          // each unknown's scale group, −1 for none
    private readonly double[][] _q;         // the quantities' coefficients, one dense row each
    private readonly double[] _qConstant;
    private readonly double[] _qNoise;      // the error variance added to each quantity (a bounded figure's own)
    private readonly (double[] Row, double Sd)[] _rows;

    private EvidenceSystem(double[] a, double[] b0, double c0, ModelLatent[] latents, int[] group, double[][] q, double[] qConstant, double[] qNoise, (double[] Row, double Sd)[] rows)
    {
        _rows = rows;
        _a = a;
        _b0 = b0;
        _c0 = c0;
        _latents = latents;
        _group = group;
        _q = q;
        _qConstant = qConstant;
        _qNoise = qNoise;
    }

    /// <summary>The number of unknowns.</summary>
    public int Size => _latents.Length;

    /// <summary>The number of quantities.</summary>
    public int Quantities => _q.Length;

    /// <summary>Builds the system from rows (form, ln value, error sd) and quantities (form, error variance added).</summary>
    /// <param name="latents">The unknowns.</param>
    /// <param name="groups">The scales, in the order node factors are given.</param>
    /// <param name="rows">Each row's form, ln value and error.</param>
    /// <param name="quantities">Each quantity's form and the variance of its own error (0 for the target's value).</param>
    public static EvidenceSystem Create(IReadOnlyList<ModelLatent> latents, IReadOnlyList<ScaleParameter> groups, IEnumerable<(LinearForm Form, double Log, double Sd)> rows, IEnumerable<(LinearForm Form, double Noise)> quantities)
    {
        var n = latents.Count;
        var a = new double[n * n];
        var b0 = new double[n];
        double c0 = 0;
        var rowList = rows.ToArray();
        rows = rowList;
        foreach (var (form, log, sd) in rowList)
        {
            var w = 1 / (sd * sd);
            var residual = log - form.Constant;
            c0 += w * residual * residual;
            foreach (var (i, ci) in form.Terms)
            {
                b0[i] += w * ci * residual;
                foreach (var (j, cj) in form.Terms)
                {
                    a[(i * n) + j] += w * ci * cj;
                }
            }
        }

        var q = quantities.ToArray();
        var rowsDense = rows.Select(r =>
        {
            var row = new double[n];
            foreach (var (i, c) in r.Form.Terms)
            {
                row[i] = c;
            }

            return (row, r.Sd);
        }).ToArray();
        var dense = q.Select(x =>
        {
            var row = new double[n];
            foreach (var (i, c) in x.Form.Terms)
            {
                row[i] = c;
            }

            return row;
        }).ToArray();
        var group = latents.Select(l => l.Scale is { IsKnown: false } s ? IndexOf(groups, s) : -1).ToArray();
        return new EvidenceSystem(a, b0, c0, latents.ToArray(), group, dense, q.Select(x => x.Form.Constant).ToArray(), q.Select(x => x.Noise).ToArray(), rowsDense);
    }

    /// <summary>Whether any unknown is drawn at scale <paramref name="group"/>.</summary>
    public bool UsesGroup(int group) => Array.IndexOf(_group, group) >= 0;

    /// <summary>Whether any drift is split between two links.</summary>
    public bool UsesSplit => _latents.Any(l => l.SplitPart >= 0);

    /// <summary>The unknowns.</summary>
    public IReadOnlyList<ModelLatent> Latents => _latents;

    private static int IndexOf(IReadOnlyList<ScaleParameter> groups, ScaleParameter scale)
    {
        for (var i = 0; i < groups.Count; i++)
        {
            if (ReferenceEquals(groups[i], scale) || groups[i] == scale)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The system with an unknown fixed at a value (the zone's price growth at a point of the curve; the revision at a named size): its column moved into the constants.</summary>
    public EvidenceSystem Fix(int latent, double value)
    {
        var n = Size;
        var keep = Enumerable.Range(0, n).Where(i => i != latent).ToArray();
        var m = keep.Length;
        var a = new double[m * m];
        var b0 = new double[m];
        for (var r = 0; r < m; r++)
        {
            b0[r] = _b0[keep[r]] - (_a[(keep[r] * n) + latent] * value);
            for (var c = 0; c < m; c++)
            {
                a[(r * m) + c] = _a[(keep[r] * n) + keep[c]];
            }
        }

        var c0 = _c0 - (2 * _b0[latent] * value) + (_a[(latent * n) + latent] * value * value);
        var q = _q.Select(row => keep.Select(i => row[i]).ToArray()).ToArray();
        var qConstant = _qConstant.Select((c, k) => c + (_q[k][latent] * value)).ToArray();
        return new EvidenceSystem(a, b0, c0, keep.Select(i => _latents[i]).ToArray(), keep.Select(i => _group[i]).ToArray(), q, qConstant, _qNoise, _rows.Select(r => (keep.Select(i => r.Row[i]).ToArray(), r.Sd)).ToArray());
    }

    /// <summary>The system with a split drift's λ fixed: each part's standard deviation scaled by √λ or √(1 − λ).</summary>
    public EvidenceSystem WithSplit(double lambda) =>
        new(_a, _b0, _c0, _latents.Select(l => l.SplitPart < 0 ? l : l with { Sd = l.Sd * Math.Sqrt(l.SplitPart == 0 ? lambda : 1 - lambda), SplitPart = -1 }).ToArray(), _group, _q, _qConstant, _qNoise, _rows);

    /// <summary>
    /// The system with one more row (a figure not published yet, at a value to be chosen): returns its form's dense
    /// coefficients so that <see cref="Solve"/> can condition on it cheaply.
    /// </summary>
    public double[] Dense(LinearForm form)
    {
        var row = new double[Size];
        foreach (var (i, c) in form.Terms)
        {
            row[i] = c;
        }

        return row;
    }

    /// <summary>The prior precision of each unknown at a node (a diffuse one's is the vague prior's).</summary>
    public void Precisions(ReadOnlySpan<double> factors, double lambda, Span<double> precision)
    {
        for (var i = 0; i < _latents.Length; i++)
        {
            var l = _latents[i];
            if (l.IsDiffuse)
            {
                precision[i] = VaguePrecision;
                continue;
            }

            var v = l.Sd * l.Sd * (_group[i] >= 0 ? factors[_group[i]] : 1) * (l.SplitPart switch { 0 => lambda, 1 => 1 - lambda, _ => 1 });
            precision[i] = 1 / v;
        }
    }

    /// <summary>
    /// The posterior at a node: the rows' log-likelihood, each quantity's mean and their covariance (with each
    /// quantity's own error added), and the unknowns' posterior mean.
    /// </summary>
    /// <param name="factors">Each scale's variance factor.</param>
    /// <param name="lambda">The split of a shared drift (ignored when none).</param>
    /// <param name="work">A workspace from <see cref="Workspace"/>.</param>
    /// <returns>The log-likelihood, or NaN when the precision is not positive definite.</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public double Solve(ReadOnlySpan<double> factors, double lambda, Workspace work)
    {
        var n = Size;
        var p = work.Precision;
        Array.Copy(_a, p, _a.Length);
        var d = work.Diagonal;
        Precisions(factors, lambda, d);
        var b = work.Mean;
        double priorQuadratic = 0, logDetPrior = 0;
        for (var i = 0; i < n; i++)
        {
            p[(i * n) + i] += d[i];
            b[i] = _b0[i] + (d[i] * _latents[i].Mean);
            priorQuadratic += d[i] * _latents[i].Mean * _latents[i].Mean;
            logDetPrior += Math.Log(d[i]);
        }

        // Cholesky P = LLᵀ in place (lower triangle).
        double logDet = 0;
        for (var j = 0; j < n; j++)
        {
            var s = p[(j * n) + j];
            for (var k = 0; k < j; k++)
            {
                s -= p[(j * n) + k] * p[(j * n) + k];
            }

            if (!(s > 0))
            {
                return double.NaN;
            }

            var ljj = Math.Sqrt(s);
            p[(j * n) + j] = ljj;
            logDet += 2 * Math.Log(ljj);
            for (var i = j + 1; i < n; i++)
            {
                var t = p[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    t -= p[(i * n) + k] * p[(j * n) + k];
                }

                p[(i * n) + j] = t / ljj;
            }
        }

        // z = L⁻¹b; bᵀP⁻¹b = zᵀz; the mean μ = L⁻ᵀz.
        var z = work.Z;
        Forward(p, n, b, z);
        double bPb = 0;
        for (var i = 0; i < n; i++)
        {
            bPb += z[i] * z[i];
        }

        var mu = work.Posterior;
        Backward(p, n, z, mu);

        // The quantities: mean Qμ + constant, covariance WᵀW with W = L⁻¹Qᵀ.
        var q = _q.Length;
        for (var k = 0; k < q; k++)
        {
            Forward(p, n, _q[k], work.W[k]);
            double m = _qConstant[k];
            for (var i = 0; i < n; i++)
            {
                m += _q[k][i] * mu[i];
            }

            work.QuantityMean[k] = m;
        }

        for (var k = 0; k < q; k++)
        {
            for (var l = 0; l <= k; l++)
            {
                double c = 0;
                var wk = work.W[k];
                var wl = work.W[l];
                for (var i = 0; i < n; i++)
                {
                    c += wk[i] * wl[i];
                }

                work.QuantityCovariance[k, l] = work.QuantityCovariance[l, k] = c;
            }

            work.QuantityCovariance[k, k] += _qNoise[k];
        }

        return (-0.5 * (_c0 + priorQuadratic - bPb)) - (0.5 * logDet) + (0.5 * logDetPrior);
    }

    /// <summary>
    /// After <see cref="Solve"/>: the quantities conditioned on one more row with coefficients <paramref name="row"/>
    /// and error variance <paramref name="noise"/>. Gives the gain of each quantity on the row's value and the row's
    /// predictive mean and variance, so that any value x moves each mean by gain × (x − predictive mean) and
    /// multiplies the node's likelihood by the normal density of x.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public (double PredictiveMean, double PredictiveVariance) Extend(double[] row, double rowConstant, double noise, Workspace work, double[] gain)
    {
        var n = Size;
        var u = work.Extra;
        Forward(work.Precision, n, row, u);
        double mean = rowConstant, variance = noise;
        for (var i = 0; i < n; i++)
        {
            mean += row[i] * work.Posterior[i];
            variance += u[i] * u[i];
        }

        for (var k = 0; k < _q.Length; k++)
        {
            double c = 0;
            for (var i = 0; i < n; i++)
            {
                c += work.W[k][i] * u[i];
            }

            gain[k] = c / variance;
        }

        // The quantities' covariance shrinks by gain·gainᵀ·variance.
        for (var k = 0; k < _q.Length; k++)
        {
            for (var l = 0; l < _q.Length; l++)
            {
                work.QuantityCovariance[k, l] -= gain[k] * gain[l] * variance;
            }
        }

        return (mean, variance);
    }

    /// <summary>
    /// After <see cref="Solve"/>: the posterior variance of quantity <paramref name="k"/> split by where it comes from:
    /// each unknown's prior (for diffuse ones, nothing) and each row's error. With w = P⁻¹q, an unknown contributes
    /// wᵢ²/vᵢ and a row (hᵀw)²/r; they sum to qᵀP⁻¹q.
    /// </summary>
    public double[] LatentContributions(int k, Workspace work)
    {
        var n = Size;
        var w = new double[n];
        Backward(work.Precision, n, work.W[k], w);
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = _latents[i].IsDiffuse ? 0 : w[i] * w[i] * work.Diagonal[i];
        }

        return result;
    }

    /// <summary>After <see cref="Solve"/>: each row's error's part in the posterior variance of quantity <paramref name="k"/>, (hᵀP⁻¹q)² ÷ r.</summary>
    public double[] RowContributions(int k, Workspace work)
    {
        var w = new double[Size];
        Backward(work.Precision, Size, work.W[k], w);
        return _rows.Select(r =>
        {
            double c = 0;
            for (var i = 0; i < w.Length; i++)
            {
                c += r.Row[i] * w[i];
            }

            return c * c / (r.Sd * r.Sd);
        }).ToArray();
    }

    /// <summary>After <see cref="Solve"/>: how strongly each row reaches quantity <paramref name="k"/>: the correlation of the row's value with it given every row, |qᵀP⁻¹h| ÷ √(qᵀP⁻¹q · hᵀP⁻¹h); 0 when the row says nothing about it.</summary>
    public double[] Reach(int k, Workspace work)
    {
        var w = new double[Size];
        Backward(work.Precision, Size, work.W[k], w);
        var variance = work.W[k].Sum(x => x * x);
        return _rows.Select(r =>
        {
            var u = new double[Size];
            Forward(work.Precision, Size, r.Row, u);
            double c = 0;
            for (var i = 0; i < w.Length; i++)
            {
                c += r.Row[i] * w[i];
            }

            var h = u.Sum(x => x * x);
            return h > 0 && variance > 0 ? Math.Abs(c) / Math.Sqrt(variance * h) : 0;
        }).ToArray();
    }

    /// <summary>A workspace for one thread.</summary>
    public Workspace NewWorkspace() => new(Size, _q.Length);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Forward(double[] l, int n, double[] b, double[] x)
    {
        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++)
            {
                s -= l[(i * n) + k] * x[k];
            }

            x[i] = s / l[(i * n) + i];
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Backward(double[] l, int n, double[] z, double[] x)
    {
        for (var i = n - 1; i >= 0; i--)
        {
            var s = z[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= l[(k * n) + i] * x[k];
            }

            x[i] = s / l[(i * n) + i];
        }
    }

    /// <summary>Arrays one evaluation needs, reused across nodes on one thread.</summary>
    internal sealed class Workspace(int n, int q)
    {
        public double[] Precision { get; } = new double[n * n];

        public double[] Diagonal { get; } = new double[n];

        public double[] Mean { get; } = new double[n];

        public double[] Z { get; } = new double[n];

        public double[] Posterior { get; } = new double[n];

        public double[] Extra { get; } = new double[n];

        public double[][] W { get; } = Enumerable.Range(0, q).Select(_ => new double[n]).ToArray();

        public double[] QuantityMean { get; } = new double[q];

        public double[,] QuantityCovariance { get; } = new double[q, q];
    }
}
