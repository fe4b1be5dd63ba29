namespace ZoneGrowth.Regression;

/// <summary>
/// Householder QR factorisation with column pivoting of a column-scaled design:
/// X·D·Π = Q·R, where D scales every column to unit Euclidean norm by an exact power of two
/// (so the scaling is undone without rounding) and Π moves the largest remaining column first.
/// The normal equations are never formed.
/// </summary>
internal sealed class PivotedQr
{
    private readonly double[][] vectors; // Householder vectors v_k (zero above row k)
    private readonly double[] betas;     // 2 / (v_k · v_k), or 0 for an identity step

    private PivotedQr(int rows, int columns, double[][] vectors, double[] betas, double[,] r, int[] permutation, double[] scale)
    {
        Rows = rows;
        Columns = columns;
        this.vectors = vectors;
        this.betas = betas;
        R = r;
        Permutation = permutation;
        Scale = scale;
    }

    /// <summary>Number of observations n.</summary>
    public int Rows { get; }

    /// <summary>Number of columns k.</summary>
    public int Columns { get; }

    /// <summary>Upper-triangular k×k factor R.</summary>
    public double[,] R { get; }

    /// <summary>Permutation[position] = original column index placed at that position.</summary>
    public int[] Permutation { get; }

    /// <summary>Power-of-two column scale factors dⱼ (original column order).</summary>
    public double[] Scale { get; }

    /// <summary>Factorises the n×k matrix given as k columns.</summary>
    public static PivotedQr Factor(IReadOnlyList<double[]> columns, int rows)
    {
        int k = columns.Count;
        var a = new double[k][];
        var scale = new double[k];
        for (int j = 0; j < k; j++)
        {
            double norm = Norm(columns[j], 0, rows);
            // Exact power of two nearest to 1/norm, so that x·d and b·d are exact in binary floating point.
            scale[j] = norm > 0 ? Math.ScaleB(1.0, -Math.ILogB(norm)) : 1.0;
            a[j] = new double[rows];
            for (int i = 0; i < rows; i++)
            {
                a[j][i] = columns[j][i] * scale[j];
            }
        }

        var permutation = Enumerable.Range(0, k).ToArray();
        var vectors = new double[k][];
        var betas = new double[k];
        var r = new double[k, k];
        for (int step = 0; step < k; step++)
        {
            // Pivot: the remaining column with the largest norm below the diagonal (recomputed exactly, not downdated).
            int best = step;
            double bestNorm = -1;
            for (int j = step; j < k; j++)
            {
                double norm = Norm(a[j], step, rows);
                if (norm > bestNorm)
                {
                    bestNorm = norm;
                    best = j;
                }
            }

            (a[step], a[best]) = (a[best], a[step]);
            (permutation[step], permutation[best]) = (permutation[best], permutation[step]);

            var column = a[step];
            double alpha = bestNorm;
            if (column[step] > 0)
            {
                alpha = -alpha;
            }

            var v = new double[rows];
            double vv = 0;
            for (int i = step; i < rows; i++)
            {
                v[i] = column[i];
            }

            v[step] -= alpha;
            for (int i = step; i < rows; i++)
            {
                vv += v[i] * v[i];
            }

            double beta = vv > 0 ? 2.0 / vv : 0.0;
            vectors[step] = v;
            betas[step] = beta;
            r[step, step] = beta > 0 ? alpha : column[step];
            for (int j = step + 1; j < k; j++)
            {
                Reflect(v, beta, a[j], step, rows);
            }
        }

        // Read R off the transformed columns only now: later pivots swap whole columns, including rows above the diagonal.
        for (int j = 0; j < k; j++)
        {
            for (int i = 0; i < j; i++)
            {
                r[i, j] = a[j][i];
            }
        }

        return new PivotedQr(rows, k, vectors, betas, r, permutation, scale);
    }

    /// <summary>Computes Qᵀ·y in place.</summary>
    public void ApplyQTranspose(double[] y)
    {
        for (int step = 0; step < Columns; step++)
        {
            Reflect(vectors[step], betas[step], y, step, Rows);
        }
    }

    /// <summary>Computes Q·z in place.</summary>
    public void ApplyQ(double[] z)
    {
        for (int step = Columns - 1; step >= 0; step--)
        {
            Reflect(vectors[step], betas[step], z, step, Rows);
        }
    }

    /// <summary>The first k columns of Q as an n×k array (Q₁, an orthonormal basis of the column space).</summary>
    public double[,] ThinQ()
    {
        var q = new double[Rows, Columns];
        var e = new double[Rows];
        for (int j = 0; j < Columns; j++)
        {
            Array.Clear(e);
            e[j] = 1.0;
            ApplyQ(e);
            for (int i = 0; i < Rows; i++)
            {
                q[i, j] = e[i];
            }
        }

        return q;
    }

    private static void Reflect(double[] v, double beta, double[] target, int from, int rows)
    {
        if (beta == 0)
        {
            return;
        }

        double dot = 0;
        for (int i = from; i < rows; i++)
        {
            dot += v[i] * target[i];
        }

        double f = beta * dot;
        for (int i = from; i < rows; i++)
        {
            target[i] -= f * v[i];
        }
    }

    private static double Norm(double[] x, int from, int rows)
    {
        // Two-pass scaled norm: safe against overflow for very large regressors (e.g. x¹⁰).
        double max = 0;
        for (int i = from; i < rows; i++)
        {
            max = Math.Max(max, Math.Abs(x[i]));
        }

        if (max == 0)
        {
            return 0;
        }

        double sum = 0;
        for (int i = from; i < rows; i++)
        {
            double s = x[i] / max;
            sum += s * s;
        }

        return max * Math.Sqrt(sum);
    }
}
