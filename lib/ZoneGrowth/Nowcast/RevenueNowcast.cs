using ZoneGrowth.Data;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// The target series nowcast from all published evidence: its own points (reported, derived) and
/// one bridge's values for the years after its last published value, each with its variance, in a
/// local linear trend of the log level whose two variances are estimated by maximum likelihood
/// (<see cref="LocalLinearTrendGls"/>; with independent errors it is the Kalman smoother with an
/// exactly diffuse start).
/// As a growth model it predicts the level of any year after the last published one: the smoothed
/// log level where bridged evidence exists, the forecast beyond it, plus the noise of a published
/// figure (the target is judged on the figure the zone will publish). The predictive distribution
/// is normal (ν = ∞): the variances are taken as known, so their estimation error is not in it.
/// </summary>
public sealed class RevenueNowcast : IGrowthModel
{
    private RevenueNowcast(RevenueBridges bridges, RevenueBridge bridge, LocalLinearTrendGls model, NowcastOptions options)
    {
        Bridges = bridges;
        Bridge = bridge;
        Model = model;
        Options = options;
    }

    /// <inheritdoc />
    public string Name => $"nowcast ({Bridge.Describe()})";

    /// <inheritdoc />
    public IndicatorSeries Series => Bridges.Series;

    /// <inheritdoc />
    public int LastYear => Bridges.LastPublished.Year;

    /// <summary>The bridges the evidence came through.</summary>
    public RevenueBridges Bridges { get; }

    /// <summary>The bridge whose values this nowcast filters.</summary>
    public RevenueBridge Bridge { get; }

    /// <summary>The fitted state-space model, solved with the bridged years' correlated errors.</summary>
    public LocalLinearTrendGls Model { get; }

    /// <summary>The settings used.</summary>
    public NowcastOptions Options { get; }

    /// <summary>The bridged values filtered.</summary>
    public IReadOnlyList<BridgedValue> BridgedValues => Bridges.Values[Bridge];

    /// <summary>
    /// Fits the nowcast of one bridge up to <paramref name="toYear"/> (the target year).
    /// </summary>
    /// <exception cref="ArgumentException">The bridge reaches no year (its figures are not in the data).</exception>
    /// <param name="bridges">The bridges.</param>
    /// <param name="bridge">The bridge whose values are filtered.</param>
    /// <param name="toYear">The target year.</param>
    /// <param name="options">Settings; the workbook's defaults when null.</param>
    /// <param name="sharedErrors">
    /// False (the default): each bridged value's error independent, with its full variance, so the
    /// model follows the bridged path. True: the errors correlated through the factors the bridged
    /// years share (<see cref="RevenueBridges.ObservationCovariance"/>); the model may then read a
    /// shortfall of every bridged year against the published trend as a common error of the shared
    /// ratio rather than as slower growth, so it leans on the published years' growth.
    /// </param>
    public static RevenueNowcast Fit(RevenueBridges bridges, RevenueBridge bridge, int toYear, NowcastOptions? options = null, bool sharedErrors = false)
    {
        if (bridges.Values[bridge].Count == 0)
        {
            throw new ArgumentException(NowcastMessages.Invariant($"The bridge {bridge.Describe()} reaches no year after {bridges.LastPublished.Year}: the data lack the figures it needs ({string.Join(", ", bridges.Parameters.Keys)} estimated). Use one of: {string.Join(", ", bridges.Available.Select(b => b.Describe()))}."), nameof(bridge));
        }

        var model = LocalLinearTrendGls.FitMaximumLikelihood(bridges.Observations(bridge), sharedErrors ? bridges.ObservationCovariance(bridge) : null);
        return new RevenueNowcast(bridges, bridge, model, options ?? NowcastOptions.Default);
    }

    /// <summary>The smoothed level of a year with its 90 % interval (levels, not logs).</summary>
    public (double Median, double Low, double High) Level(int year)
    {
        var (mean, variance) = Model.Level(year);
        var sd = Math.Sqrt(variance);
        return (Math.Exp(mean), Math.Exp(mean - (BridgedValue.Z90 * sd)), Math.Exp(mean + (BridgedValue.Z90 * sd)));
    }

    /// <inheritdoc />
    public LogPredictive Predict(int year)
    {
        if (year <= LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), NowcastMessages.Invariant($"{year} is not after the last published value ({LastYear})."));
        }

        var (mean, variance) = Model.Level(year);
        return new LogPredictive(year, mean, Math.Sqrt(variance + (Options.ReportedSd * Options.ReportedSd)), double.PositiveInfinity);
    }

    /// <summary>
    /// The joint normal distribution of the published log levels from the year after the last
    /// published value to <paramref name="lastYear"/>: the smoothed levels' joint covariance C (a
    /// square root B with BBᵀ = C, from its eigen-decomposition, as the loadings) plus independent
    /// noise of a published figure.
    /// </summary>
    public PathModel Paths(int lastYear)
    {
        var first = LastYear + 1;
        var mean = Enumerable.Range(first, lastYear - first + 1).Select(y => Model.Level(y).Mean).ToArray();
        return JointNormalPaths.Create(first, mean, Model.LevelCovariance(first, lastYear), Options.ReportedSd);
    }
}
