using ZoneGrowth.Data;

namespace ZoneGrowth.Forecasting;

/// <summary>One observation of the log level in the state-space model: y = ln level, with a known variance.</summary>
/// <param name="Year">The year observed.</param>
/// <param name="LogValue">ln of the level.</param>
/// <param name="Variance">The observation's variance on the log scale (a standard deviation of 0.02 is about ±2 %).</param>
/// <param name="Kind">What kind of evidence it is.</param>
/// <param name="Description">Where it comes from, for tables: "reported", "bridged via added value", ...</param>
public sealed record StateSpaceObservation(int Year, double LogValue, double Variance, EvidenceKind Kind, string Description)
{
    /// <summary>The level: exp(<see cref="LogValue"/>).</summary>
    public double Level => Math.Exp(LogValue);

    /// <summary>The standard deviation on the log scale.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>
    /// A series point as an observation of its log level, with the variance of its kind of evidence:
    /// derived, reported, estimate or approximate. Targets and lower bounds are not observations of
    /// the level and are refused.
    /// </summary>
    /// <exception cref="ArgumentException">The point is a target or a lower bound.</exception>
    public static StateSpaceObservation Of(IndicatorSeries series, SeriesPoint point, ObservationNoise options)
    {
        var (kind, description) = point.IsDerived
            ? (EvidenceKind.Derived, "derived: " + point.Derivation)
            : (KindOf(point.Status) ?? throw new ArgumentException(ForecastingMessages.NotEvidenceOfLevel(series, point)), point.Status.ToText());
        var sd = options.StandardDeviation(kind);
        return new StateSpaceObservation(point.Year, Math.Log(point.Value), sd * sd, kind, description);
    }

    /// <summary>The kind of evidence a published figure of this status is; null for a target or a lower bound.</summary>
    internal static EvidenceKind? KindOf(ObservationStatus status) => status switch
    {
        ObservationStatus.Reported => EvidenceKind.Reported,
        ObservationStatus.Estimate => EvidenceKind.Estimate,
        ObservationStatus.Approximate => EvidenceKind.Approximate,
        _ => null,
    };
}
