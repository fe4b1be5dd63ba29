using MathNet.Numerics.LinearAlgebra;

namespace ZoneGrowth.Regression;

/// <summary>
/// The immutable results of an ordinary least squares fit under one covariance choice
/// (statsmodels' <c>RegressionResults</c>). Notation: n observations, k estimated parameters
/// (including the intercept), e the residuals, SSR = Σeᵢ², s² = SSR/(n − k).
/// Choosing another covariance with <see cref="WithCovariance"/> returns a new object; coefficients do not change.
/// </summary>
public sealed class RegressionResults
{
    private readonly LeastSquaresFit fit;
    private readonly double[,] covariance;
    private readonly double[] coefficients;
    private readonly double[] standardErrors;
    private readonly double[] testStatistics;
    private readonly double[] pValues;

    internal RegressionResults(LeastSquaresFit fit, CovarianceSpecification specification)
    {
        this.fit = fit;
        Specification = specification;
        covariance = CovarianceEstimator.Compute(fit, specification);
        int k = fit.K;
        Distribution = specification.Type == CovarianceType.Classical ? InferenceDistribution.StudentT : InferenceDistribution.Normal;
        coefficients = (double[])fit.Coefficients.Clone();
        standardErrors = new double[k];
        testStatistics = new double[k];
        pValues = new double[k];
        for (int j = 0; j < k; j++)
        {
            double se = Math.Sqrt(Math.Max(covariance[j, j], 0.0));
            standardErrors[j] = se;
            double t = se > 0 ? coefficients[j] / se : (coefficients[j] == 0 ? 0.0 : Math.CopySign(double.PositiveInfinity, coefficients[j]));
            testStatistics[j] = t;
            pValues[j] = TwoSidedPValue(t);
        }

        double n = fit.N;
        double ssr = fit.SumOfSquaredResiduals;
        double mean = fit.Response.Average();
        CenteredTotalSumOfSquares = fit.Response.Sum(v => (v - mean) * (v - mean));
        UncenteredTotalSumOfSquares = fit.Response.Sum(v => v * v);
        double tss = fit.HasConstant ? CenteredTotalSumOfSquares : UncenteredTotalSumOfSquares;
        RSquared = 1.0 - (ssr / tss);
        AdjustedRSquared = 1.0 - ((n - (fit.HasConstant ? 1 : 0)) / ResidualDegreesOfFreedom * (1.0 - RSquared));
        LogLikelihood = (-n / 2.0 * Math.Log(2.0 * Math.PI)) - (n / 2.0 * Math.Log(ssr / n)) - (n / 2.0);
        Aic = (-2.0 * LogLikelihood) + (2.0 * k);
        Bic = (-2.0 * LogLikelihood) + (Math.Log(n) * k);
        double dwNumerator = 0;
        for (int i = 1; i < fit.N; i++)
        {
            double d = fit.Residuals[i] - fit.Residuals[i - 1];
            dwNumerator += d * d;
        }

        // Exact up to rounding: residual norm below 1e-12 of the response norm. Residual diagnostics are then rounding noise.
        IsExactFit = Math.Sqrt(ssr) <= 1e-12 * Math.Sqrt(UncenteredTotalSumOfSquares);
        DurbinWatson = IsExactFit ? double.NaN : dwNumerator / ssr;
        double residualMean = fit.Residuals.Average();
        double m2 = fit.Residuals.Sum(v => Math.Pow(v - residualMean, 2)) / n;
        double m3 = fit.Residuals.Sum(v => Math.Pow(v - residualMean, 3)) / n;
        double m4 = fit.Residuals.Sum(v => Math.Pow(v - residualMean, 4)) / n;
        Skewness = IsExactFit ? double.NaN : m3 / Math.Pow(m2, 1.5);
        Kurtosis = IsExactFit ? double.NaN : m4 / (m2 * m2);
        JarqueBera = n / 6.0 * ((Skewness * Skewness) + (Math.Pow(Kurtosis - 3.0, 2) / 4.0));
        JarqueBeraPValue = Probability.ChiSquaredTwoDfUpperTail(JarqueBera);
        (FStatistic, FPValue) = ComputeFTest(tss);
        Coefficients = Array.AsReadOnly(coefficients);
        StandardErrors = Array.AsReadOnly(standardErrors);
        TStatistics = Array.AsReadOnly(testStatistics);
        PValues = Array.AsReadOnly(pValues);
        Residuals = Array.AsReadOnly((double[])fit.Residuals.Clone());
        FittedValues = Array.AsReadOnly((double[])fit.Fitted.Clone());
        Leverages = Array.AsReadOnly((double[])fit.Leverage.Clone());
    }

    /// <summary>Name of the dependent variable.</summary>
    public string ResponseName => fit.ResponseName;

    /// <summary>Parameter names in order (the intercept first when included).</summary>
    public IReadOnlyList<string> ParameterNames => fit.ParameterNames;

    /// <summary>Whether the model has a constant (an intercept, or a constant regressor when fitted without one); decides centered R².</summary>
    public bool HasConstant => fit.HasConstant;

    /// <summary>Estimated coefficients β̂ = argmin ‖y − Xβ‖² (computed as R⁻¹Qᵀy from a pivoted QR, never from X'X).</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>Standard errors √Vⱼⱼ, V the covariance of <see cref="CovarianceType"/> (classical: V = s²(X'X)⁻¹).</summary>
    public IReadOnlyList<double> StandardErrors { get; }

    /// <summary>
    /// Test statistics β̂ⱼ / SEⱼ for H₀: βⱼ = 0: Student t with n − k df under the classical covariance,
    /// standard normal z under a robust one (<see cref="Distribution"/>). ±∞ when SEⱼ = 0 and β̂ⱼ ≠ 0 (exact fit).
    /// </summary>
    public IReadOnlyList<double> TStatistics { get; }

    /// <summary>Two-sided p values P(|T| ≥ |tⱼ|) from <see cref="Distribution"/> (Student t with n − k df, or normal).</summary>
    public IReadOnlyList<double> PValues { get; }

    /// <summary>Residuals eᵢ = yᵢ − ŷᵢ (computed as Q·[0; (Qᵀy)ₖ₊₁..ₙ], accurate even when ŷ cancels heavily).</summary>
    public IReadOnlyList<double> Residuals { get; }

    /// <summary>Fitted values ŷᵢ = yᵢ − eᵢ.</summary>
    public IReadOnlyList<double> FittedValues { get; }

    /// <summary>Leverages hᵢᵢ, the diagonal of the hat matrix X(X'X)⁻¹X' (row norms of Q₁).</summary>
    public IReadOnlyList<double> Leverages { get; }

    /// <summary>Number of observations n.</summary>
    public int ObservationCount => fit.N;

    /// <summary>Number of estimated parameters k (including the intercept).</summary>
    public int ParameterCount => fit.K;

    /// <summary>Model degrees of freedom k − 1 with a constant, k without (statsmodels' <c>df_model</c>).</summary>
    public int ModelDegreesOfFreedom => fit.K - (fit.HasConstant ? 1 : 0);

    /// <summary>Residual degrees of freedom n − k.</summary>
    public int ResidualDegreesOfFreedom => fit.N - fit.K;

    /// <summary>Sum of squared residuals SSR = Σeᵢ².</summary>
    public double SumOfSquaredResiduals => fit.SumOfSquaredResiduals;

    /// <summary>Centered total sum of squares Σ(yᵢ − ȳ)².</summary>
    public double CenteredTotalSumOfSquares { get; }

    /// <summary>Uncentered total sum of squares Σyᵢ².</summary>
    public double UncenteredTotalSumOfSquares { get; }

    /// <summary>Residual standard error s = √(SSR / (n − k)).</summary>
    public double ResidualStandardError => Math.Sqrt(fit.SumOfSquaredResiduals / ResidualDegreesOfFreedom);

    /// <summary>R² = 1 − SSR/TSS with TSS = Σ(yᵢ − ȳ)² when the model has a constant, Σyᵢ² (uncentered) otherwise (as statsmodels).</summary>
    public double RSquared { get; }

    /// <summary>Adjusted R² = 1 − (n − c)/(n − k)·(1 − R²), c = 1 with a constant and 0 without (as statsmodels).</summary>
    public double AdjustedRSquared { get; }

    /// <summary>
    /// F statistic for H₀: all coefficients except the constant are zero. Classical: [(TSS − SSR)/df_model] / [SSR/(n − k)].
    /// Robust covariances: the Wald form (Rβ̂)ᵀ(RVRᵀ)⁻¹(Rβ̂)/q with q = df_model (statsmodels' convention).
    /// Null when the model has no coefficient besides the constant.
    /// </summary>
    public double? FStatistic { get; }

    /// <summary>P(F(df_model, n − k) ≥ F) for <see cref="FStatistic"/>; null when the statistic is.</summary>
    public double? FPValue { get; }

    /// <summary>Gaussian log-likelihood ℓ = −n/2·ln(2π) − n/2·ln(SSR/n) − n/2.</summary>
    public double LogLikelihood { get; }

    /// <summary>Akaike information criterion AIC = −2ℓ + 2k.</summary>
    public double Aic { get; }

    /// <summary>Bayesian information criterion BIC = −2ℓ + k·ln(n).</summary>
    public double Bic { get; }

    /// <summary>
    /// Whether the fit is exact up to rounding: √SSR ≤ 1e-12·√Σyᵢ². Durbin-Watson, skewness, kurtosis and Jarque-Bera
    /// are then NaN (they would only describe rounding noise), and the summary says so.
    /// </summary>
    public bool IsExactFit { get; }

    /// <summary>Durbin-Watson statistic Σₜ₌₂(eₜ − eₜ₋₁)² / Σeₜ² (≈ 2 without first-order autocorrelation; NaN for an exact fit).</summary>
    public double DurbinWatson { get; }

    /// <summary>Residual skewness m₃ / m₂^{3/2}, mⱼ = Σ(eᵢ − ē)ʲ/n (biased moments, as scipy's <c>skew</c>; NaN for an exact fit).</summary>
    public double Skewness { get; }

    /// <summary>Residual kurtosis m₄ / m₂² (not excess: 3 for a normal sample; NaN for an exact fit).</summary>
    public double Kurtosis { get; }

    /// <summary>Jarque-Bera statistic JB = n/6·(S² + (K − 3)²/4) with S the skewness and K the kurtosis.</summary>
    public double JarqueBera { get; }

    /// <summary>P(χ²₂ ≥ JB) = exp(−JB/2), the Jarque-Bera p value.</summary>
    public double JarqueBeraPValue { get; }

    /// <summary>
    /// Condition number of the design as statsmodels reports it: √(λmax/λmin) of X'X, i.e. σmax/σmin of X
    /// (unscaled columns, intercept included), computed from the singular values of R·Πᵀ·D⁻¹.
    /// </summary>
    public double ConditionNumber => fit.ConditionNumber;

    /// <summary>Smallest eigenvalue λmin of X'X (σmin²), which statsmodels also reports for near-singular designs.</summary>
    public double SmallestEigenvalue => fit.SmallestEigenvalue;

    /// <summary>The covariance estimator used for standard errors and tests.</summary>
    public CovarianceType CovarianceType => Specification.Type;

    /// <summary>The Newey-West lag L used, or null for other covariances.</summary>
    public int? NeweyWestLags => Specification.MaxLags;

    /// <summary>Whether the Newey-West covariance was multiplied by n/(n − k).</summary>
    public bool NeweyWestSmallSampleCorrection => Specification.UseCorrection;

    /// <summary>The distribution for coefficient tests and intervals: Student t (classical) or normal (robust covariances).</summary>
    public InferenceDistribution Distribution { get; }

    internal CovarianceSpecification Specification { get; }

    internal LeastSquaresFit Fit => fit;

    /// <summary>Element (i, j) of the coefficient covariance matrix V.</summary>
    /// <param name="row">Parameter index i.</param>
    /// <param name="column">Parameter index j.</param>
    public double Covariance(int row, int column) => covariance[row, column];

    /// <summary>Index of the parameter with this name (the intercept is <see cref="OrdinaryLeastSquares.InterceptName"/>).</summary>
    /// <param name="name">Parameter name.</param>
    /// <exception cref="RegressionException">No parameter has that name.</exception>
    public int IndexOf(string name)
    {
        for (int j = 0; j < fit.K; j++)
        {
            if (string.Equals(fit.ParameterNames[j], name, StringComparison.Ordinal))
            {
                return j;
            }
        }

        throw new RegressionException(RegressionMessages.UnknownParameter(name, fit.ParameterNames));
    }

    /// <summary>Confidence intervals β̂ⱼ ± c·SEⱼ, c the (1 + level)/2 quantile of <see cref="Distribution"/>.</summary>
    /// <param name="level">Confidence level in (0, 1), default 0.95.</param>
    public IReadOnlyList<ConfidenceInterval> ConfidenceIntervals(double level = 0.95)
    {
        double critical = CriticalValue(level);
        return Enumerable.Range(0, fit.K)
            .Select(j => new ConfidenceInterval(coefficients[j] - (critical * standardErrors[j]), coefficients[j] + (critical * standardErrors[j]), level))
            .ToList()
            .AsReadOnly();
    }

    /// <summary>The same fit with another covariance estimator (a new results object; this one is unchanged).</summary>
    /// <param name="type">The covariance estimator.</param>
    /// <param name="maxLags">Newey-West lag L; null uses the rule floor(4·(n/100)^(2/9)) (statsmodels has no default). Only for Newey-West.</param>
    /// <param name="useCorrection">Multiply the Newey-West covariance by n/(n − k), as statsmodels' <c>use_correction=True</c>. Only for Newey-West.</param>
    /// <exception cref="RegressionException">Options given for a non-Newey-West covariance, or a lag outside 0 … n − 1.</exception>
    public RegressionResults WithCovariance(CovarianceType type, int? maxLags = null, bool useCorrection = false) =>
        new(fit, CovarianceSpecification.Create(type, maxLags, useCorrection, fit.N));

    /// <summary>
    /// Predicts at new regressor values (the intercept is added automatically), like statsmodels'
    /// <c>get_prediction(...).summary_frame()</c>: mean x₀β̂ with standard error √(x₀Vx₀ᵀ) and its confidence interval,
    /// and the interval for a new observation using √(x₀Vx₀ᵀ + s²).
    /// </summary>
    /// <param name="newRegressors">One <see cref="Regressor"/> per fitted regressor (same names), each with one value per new point.</param>
    /// <param name="level">Confidence level in (0, 1), default 0.95.</param>
    /// <exception cref="RegressionException">A fitted regressor is missing, an unknown one is given, lengths differ or a value is not finite.</exception>
    public PredictionResults Predict(IReadOnlyList<Regressor> newRegressors, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(newRegressors);
        int offset = fit.InterceptIncluded ? 1 : 0;
        foreach (var given in newRegressors)
        {
            if (!fit.ParameterNames.Skip(offset).Contains(given.Name, StringComparer.Ordinal))
            {
                throw new RegressionException(RegressionMessages.PredictionUnknownColumn(given.Name));
            }
        }

        if (offset == 1 && fit.K == 1 && newRegressors.Count == 0)
        {
            throw new RegressionException(RegressionMessages.PredictionNoPoints());
        }

        int points = newRegressors.Count > 0 ? newRegressors[0].Values.Count : 0;
        if (points == 0)
        {
            throw new RegressionException(RegressionMessages.PredictionNoPoints());
        }

        var rows = new double[points][];
        for (int i = 0; i < points; i++)
        {
            rows[i] = new double[fit.K];
            if (offset == 1)
            {
                rows[i][0] = 1.0;
            }
        }

        for (int j = offset; j < fit.K; j++)
        {
            string name = fit.ParameterNames[j];
            var given = newRegressors.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal))
                ?? throw new RegressionException(RegressionMessages.PredictionMissingColumn(name));
            if (given.Values.Count != points)
            {
                throw new RegressionException(RegressionMessages.PredictionLengthMismatch(name, given.Values.Count, points));
            }

            for (int i = 0; i < points; i++)
            {
                double value = given.Values[i];
                if (!double.IsFinite(value))
                {
                    throw new RegressionException(RegressionMessages.RegressorNotFinite(name, i, value));
                }

                rows[i][j] = value;
            }
        }

        return PredictRows(rows, level);
    }

    /// <summary>Renders a statsmodels-like summary table with numbered caveats.</summary>
    /// <param name="level">Confidence level of the coefficient intervals, default 0.95.</param>
    public RegressionSummary Summary(double level = 0.95) => new(this, level, []);

    internal RegressionSummary Summary(double level, IReadOnlyList<string> extraNotes) => new(this, level, extraNotes);

    internal PredictionResults PredictRows(double[][] rows, double level)
    {
        double critical = CriticalValue(level);
        double scale = fit.SumOfSquaredResiduals / ResidualDegreesOfFreedom;
        var means = new double[rows.Length];
        var meanErrors = new double[rows.Length];
        var observationErrors = new double[rows.Length];
        var meanIntervals = new ConfidenceInterval[rows.Length];
        var observationIntervals = new ConfidenceInterval[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            var x = rows[i];
            double mean = 0;
            double variance = 0;
            for (int a = 0; a < fit.K; a++)
            {
                mean += x[a] * coefficients[a];
                for (int b = 0; b < fit.K; b++)
                {
                    variance += x[a] * covariance[a, b] * x[b];
                }
            }

            double meanError = Math.Sqrt(Math.Max(variance, 0));
            double observationError = Math.Sqrt(Math.Max(variance, 0) + scale);
            means[i] = mean;
            meanErrors[i] = meanError;
            observationErrors[i] = observationError;
            meanIntervals[i] = new ConfidenceInterval(mean - (critical * meanError), mean + (critical * meanError), level);
            observationIntervals[i] = new ConfidenceInterval(mean - (critical * observationError), mean + (critical * observationError), level);
        }

        return new PredictionResults(means, meanErrors, observationErrors, meanIntervals, observationIntervals, level, Distribution);
    }

    internal double CriticalValue(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new RegressionException(RegressionMessages.InvalidConfidenceLevel(level));
        }

        return Probability.CriticalValue(level, Distribution, ResidualDegreesOfFreedom);
    }

    internal double TwoSidedPValue(double statistic) =>
        Distribution == InferenceDistribution.StudentT
            ? Probability.StudentTTwoSided(statistic, ResidualDegreesOfFreedom)
            : Probability.NormalTwoSided(statistic);

    private (double? Statistic, double? PValue) ComputeFTest(double tss)
    {
        int q = ModelDegreesOfFreedom;
        if (q <= 0)
        {
            return (null, null);
        }

        double f;
        if (Specification.Type == CovarianceType.Classical)
        {
            double ssr = fit.SumOfSquaredResiduals;
            f = (tss - ssr) / q / (ssr / ResidualDegreesOfFreedom);
        }
        else
        {
            // Wald test of every coefficient except the constant, with the robust V (statsmodels' f_test on those rows).
            var tested = Enumerable.Range(0, fit.K).Where(j => !(fit.HasConstant && IsConstantColumn(j))).ToArray();
            var sub = Matrix<double>.Build.Dense(tested.Length, tested.Length, (a, b) => covariance[tested[a], tested[b]]);
            var beta = Vector<double>.Build.Dense(tested.Length, a => coefficients[tested[a]]);
            var solved = sub.Solve(beta);
            f = beta.DotProduct(solved) / tested.Length;
        }

        return (f, Probability.FisherUpperTail(f, q, ResidualDegreesOfFreedom));
    }

    private bool IsConstantColumn(int j) => j == fit.ConstantColumn;
}
