namespace ZoneGrowth.Regression;

/// <summary>
/// An ordinary least squares model y = Xβ + ε with named regressors and an optional intercept
/// (the model half of statsmodels' <c>OLS(y, X).fit()</c>; <see cref="Fit()"/> returns the results).
/// The fit uses Householder QR with column pivoting on a power-of-two column-scaled design,
/// never the normal equations; a rank-deficient design is an error that names the offending columns.
/// </summary>
public sealed class OrdinaryLeastSquares
{
    /// <summary>The name given to the intercept column in results and summaries.</summary>
    public const string InterceptName = "Intercept";

    private readonly double[] response;
    private readonly double[][] columns;
    private readonly int constantColumn;

    /// <summary>Creates the model and checks its data; the factorisation happens in <see cref="Fit()"/>.</summary>
    /// <param name="response">The dependent variable, one value per observation.</param>
    /// <param name="regressors">Named explanatory variables, each with one value per observation.</param>
    /// <param name="includeIntercept">Whether to add an intercept column of ones first (default true).</param>
    /// <param name="responseName">Name of the dependent variable used in errors and summaries.</param>
    /// <exception cref="RegressionException">
    /// Non-finite values, mismatched lengths, empty or duplicate names, a constant regressor next to the intercept,
    /// an all-zero regressor, or not more observations than parameters.
    /// </exception>
    public OrdinaryLeastSquares(IReadOnlyList<double> response, IReadOnlyList<Regressor> regressors, bool includeIntercept = true, string responseName = "y")
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(regressors);
        ArgumentNullException.ThrowIfNull(responseName);
        ResponseName = responseName;
        IncludesIntercept = includeIntercept;
        int n = response.Count;
        if (n == 0)
        {
            throw new RegressionException(RegressionMessages.EmptyResponse(responseName));
        }

        this.response = response.ToArray();
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(this.response[i]))
            {
                throw new RegressionException(RegressionMessages.ResponseNotFinite(responseName, i, this.response[i]));
            }
        }

        var names = new List<string>();
        var cols = new List<double[]>();
        if (includeIntercept)
        {
            names.Add(InterceptName);
            cols.Add(Enumerable.Repeat(1.0, n).ToArray());
        }

        for (int j = 0; j < regressors.Count; j++)
        {
            var regressor = regressors[j] ?? throw new ArgumentNullException(nameof(regressors));
            if (string.IsNullOrWhiteSpace(regressor.Name))
            {
                throw new RegressionException(RegressionMessages.RegressorNameEmpty(j));
            }

            if (names.Contains(regressor.Name, StringComparer.Ordinal))
            {
                throw new RegressionException(RegressionMessages.DuplicateRegressorName(regressor.Name));
            }

            if (regressor.Values.Count != n)
            {
                throw new RegressionException(RegressionMessages.RegressorLengthMismatch(regressor.Name, regressor.Values.Count, responseName, n));
            }

            var values = regressor.Values.ToArray();
            for (int i = 0; i < n; i++)
            {
                if (!double.IsFinite(values[i]))
                {
                    throw new RegressionException(RegressionMessages.RegressorNotFinite(regressor.Name, i, values[i]));
                }
            }

            names.Add(regressor.Name);
            cols.Add(values);
        }

        if (cols.Count == 0)
        {
            throw new RegressionException(RegressionMessages.NoParameters());
        }

        if (n <= cols.Count)
        {
            throw new RegressionException(RegressionMessages.TooFewObservations(n, cols.Count, names));
        }

        int constantFound = includeIntercept ? 0 : -1;
        for (int j = includeIntercept ? 1 : 0; j < cols.Count; j++)
        {
            var values = cols[j];
            if (values.All(v => v == 0))
            {
                throw new RegressionException(RegressionMessages.ZeroRegressor(names[j]));
            }

            if (values.All(v => v == values[0]))
            {
                if (includeIntercept)
                {
                    throw new RegressionException(RegressionMessages.ConstantRegressorWithIntercept(names[j], values[0]));
                }

                if (constantFound < 0)
                {
                    constantFound = j;
                }
            }
        }

        constantColumn = constantFound;
        ParameterNames = names.AsReadOnly();
        columns = cols.ToArray();
    }

    /// <summary>Name of the dependent variable.</summary>
    public string ResponseName { get; }

    /// <summary>Names of the parameters in order (the intercept first when included).</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Whether an intercept column was added.</summary>
    public bool IncludesIntercept { get; }

    /// <summary>Number of observations n.</summary>
    public int ObservationCount => response.Length;

    /// <summary>Fits by pivoted QR and returns results with the classical (non-robust) covariance.</summary>
    /// <exception cref="RegressionException">The design is rank deficient; the message names the dependent columns.</exception>
    public RegressionResults Fit() => new(LeastSquaresFit.Compute(response, columns, ParameterNames, ResponseName, constantColumn, IncludesIntercept), CovarianceSpecification.Classical);

    /// <summary>Fits and returns results with the chosen covariance (same as <c>Fit().WithCovariance(...)</c>).</summary>
    /// <param name="covariance">The covariance estimator.</param>
    /// <param name="maxLags">Newey-West lag L; null uses floor(4·(n/100)^(2/9)). Only for <see cref="CovarianceType.NeweyWest"/>.</param>
    /// <param name="useCorrection">Newey-West small-sample factor n/(n − k) (statsmodels' <c>use_correction</c>). Only for <see cref="CovarianceType.NeweyWest"/>.</param>
    public RegressionResults Fit(CovarianceType covariance, int? maxLags = null, bool useCorrection = false) =>
        Fit().WithCovariance(covariance, maxLags, useCorrection);
}
