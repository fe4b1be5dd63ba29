using System.Globalization;
using ZoneGrowth.Data;
using static System.FormattableString;

namespace ZoneGrowth.Regression;

/// <summary>
/// Every error text of the regression folder, written once. Each message says what was found,
/// which rule it broke and what to do about it.
/// </summary>
internal static class RegressionMessages
{
    public static string EmptyResponse(string responseName) =>
        Invariant($"The response '{responseName}' has no observations; a regression needs at least one more observation than parameters. Pass the observed values of '{responseName}'.");

    public static string ResponseNotFinite(string responseName, int row, double value) =>
        Invariant($"The response '{responseName}' has the value {Show(value)} at row {row}; every observation must be a finite number. Remove or correct that observation before fitting.");

    public static string NoParameters() =>
        "The model has no intercept and no regressors, so there is nothing to estimate. Pass at least one regressor or include the intercept.";

    public static string RegressorNameEmpty(int index) =>
        Invariant($"Regressor number {index} has an empty name; every regressor needs a name so that errors and summaries can refer to it. Give it a column name.");

    public static string DuplicateRegressorName(string name) =>
        Invariant($"The regressor name '{name}' is used twice (or clashes with the intercept's name '{OrdinaryLeastSquares.InterceptName}'); names must be unique. Rename one of the columns.");

    public static string RegressorLengthMismatch(string name, int count, string responseName, int expected) =>
        Invariant($"The regressor '{name}' has {count} values but the response '{responseName}' has {expected}; every column needs one value per observation. Align the columns before fitting.");

    public static string RegressorNotFinite(string name, int row, double value) =>
        Invariant($"The regressor '{name}' has the value {Show(value)} at row {row}; every value must be a finite number. Remove or correct that observation before fitting.");

    public static string TooFewObservations(int observations, int parameters, IEnumerable<string> names) =>
        Invariant($"Found {observations} observation(s) for {parameters} parameter(s) ({string.Join(", ", names)}); least squares with inference needs more observations than parameters (at least {parameters + 1}). Add observations or drop regressors.");

    public static string ConstantRegressorWithIntercept(string name, double value) =>
        Invariant($"The regressor '{name}' is constant (every value is {Show(value)}) and the model already has an intercept, so the design is singular. Drop '{name}' or fit without the intercept.");

    public static string ZeroRegressor(string name) =>
        Invariant($"The regressor '{name}' is zero in every observation, so its coefficient cannot be identified. Drop '{name}'.");

    public static string RankDeficient(IEnumerable<string> dependent, IEnumerable<string> kept, double ratio) =>
        Invariant($"The design matrix is rank deficient: the column(s) {Quote(dependent)} are (numerically) linear combinations of {Quote(kept)} (smallest pivot ratio {ratio.ToString("G3", CultureInfo.InvariantCulture)}); their coefficients cannot be identified. Drop or redefine {Quote(dependent)}.");

    public static string InvalidConfidenceLevel(double level) =>
        Invariant($"The confidence level {Show(level)} is outside (0, 1); a level is a probability such as 0.95. Pass a level strictly between 0 and 1.");

    public static string InvalidMaxLags(int lags, int observations) =>
        Invariant($"The Newey-West lag {lags} is outside 0 … {observations - 1} for {observations} observations; the lag must be non-negative and smaller than the sample. Pass a smaller lag or omit it to use floor(4·(n/100)^(2/9)).");

    public static string LagsWithoutNeweyWest(CovarianceType type) =>
        Invariant($"A lag or small-sample correction was given with the covariance {type}; these options apply only to {CovarianceType.NeweyWest}. Omit them or choose {CovarianceType.NeweyWest}.");

    public static string LeverageOne(string covariance, int row) =>
        Invariant($"Observation at row {row} has leverage 1 (the fit passes exactly through it), which makes {covariance} divide by zero. Use HC0 or HC1, or add observations.");

    public static string UnknownParameter(string name, IEnumerable<string> names) =>
        Invariant($"The fitted model has no parameter named '{name}'; its parameters are {Quote(names)}. Use one of those names.");

    public static string PredictionMissingColumn(string name) =>
        Invariant($"The new data has no regressor named '{name}', which the fitted model uses. Pass a value of '{name}' for every new point.");

    public static string PredictionUnknownColumn(string name) =>
        Invariant($"The new data has a regressor named '{name}' that the fitted model does not use. Pass only the fitted regressors.");

    public static string PredictionLengthMismatch(string name, int count, int expected) =>
        Invariant($"The new regressor '{name}' has {count} values but the first new regressor has {expected}; every column needs one value per new point. Align the columns.");

    public static string PredictionNoPoints() =>
        "No new points were given; prediction needs at least one. Pass the regressor values at which to predict.";

    public static string SeriesLengthMismatch(string label, int years, int values) =>
        Invariant($"Series '{label}' has {years} year(s) but {values} value(s); every year needs exactly one value. Align the years and values.");

    public static string SeriesTooShort(string label, int count, int required, string model) =>
        Invariant($"Series '{label}' has {count} usable point(s) but the {model} needs at least {required} (more points than parameters). Add years or use a simpler model.");

    public static string SeriesValueNotFinite(string label, int year, double value) =>
        Invariant($"Series '{label}' has the value {Show(value)} in {year}; every value must be a finite number. Remove or correct {year}.");

    public static string SeriesValueNotPositive(string label, int year, double value) =>
        Invariant($"Series '{label}' has the value {Show(value)} in {year}; a log-linear growth model takes ln(value), which needs every value to be positive. Remove or correct {year}, or model the levels instead.");

    public static string SeriesDuplicateYear(string label, int year) =>
        Invariant($"Series '{label}' lists the year {year} more than once; each year may appear only once. Keep one value for {year}.");

    public static string SeriesAllYearsEqual(string label, int year) =>
        Invariant($"Series '{label}' has every observation in the year {year}, so the trend regressor is constant and the growth rate cannot be identified. Pass observations from at least two different years.");

    public static string SeriesYearMissing(string label, int year) =>
        Invariant($"Series '{label}' has no value for the year {year}, which was chosen as an endpoint. Choose years that are in the series.");

    public static string EndpointsNotIncreasing(string label, int fromYear, int toYear) =>
        Invariant($"Series '{label}': the start year {fromYear} is not before the end year {toYear}; the compound annual growth rate needs y₀ < y₁. Swap or change the years.");

    public static string BreakYearOutside(string label, int breakYear, int firstYear, int lastYear) =>
        Invariant($"Series '{label}': the break year {breakYear} is not strictly inside the observed years {firstYear} … {lastYear}, so one segment would be empty. Choose a break year between them.");

    public static string SegmentTooShort(string label, int breakYear, string segment, int count, int required) =>
        Invariant($"Series '{label}': with the break year {breakYear} the {segment} segment has {count} point(s) but needs at least {required} to estimate its own line with a residual. Move the break year or use the hinge form.");

    public static string SeriesBasesLengthMismatch(string label, int years, int bases) =>
        Invariant($"Series '{label}' has {years} year(s) but {bases} basis label(s); every year needs exactly one basis (empty for the basis first published). Align the years and bases.");

    public static string LevelShiftSeriesTooShort(string label, int count, IEnumerable<BasisYears> bases, int shifts) =>
        Invariant($"Series '{label}' has {count} point(s) on {bases.Count()} bases ({string.Join("; ", bases.Select(b => BasisText.Short(b.Basis) + ": " + BasisText.Years(b.Years)))}); the log-linear trend with {shifts} level shift(s) has {shifts + 2} parameters and needs at least {shifts + 3} points (more points than parameters, and a basis with two years for the growth rate). Add years, or fit the years of one basis only.");

    public static string UnknownBasis(string label, string basis, IEnumerable<string> bases) =>
        Invariant($"Series '{label}' has no year on the basis '{basis}'; its bases are {Quote(bases)} (empty: the basis first published). Predict on one of those.");

    public static string CompoundGrowthAcrossBases(string label, int fromYear, string fromBasis, int toYear, string toBasis) =>
        Invariant($"Series '{label}': {fromYear} is on {BasisText.Describe(fromBasis)} and {toYear} on {BasisText.Describe(toBasis)}; a compound growth rate between them would count the change of basis as growth. Choose two years on the same basis.");

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => "'" + n + "'"));
}
