namespace ZoneGrowth.Forecasting;

/// <summary>
/// One out-of-sample forecast of a rolling-origin evaluation: a model fitted to the series up to
/// <paramref name="Origin"/> predicting a later year's value, set beside the value published.
/// </summary>
/// <param name="Model">The model's name.</param>
/// <param name="Origin">The last year of data the model was fitted to.</param>
/// <param name="Year">The year forecast.</param>
/// <param name="Actual">The value of the series in <paramref name="Year"/>.</param>
/// <param name="Median">The median forecast: exp(location).</param>
/// <param name="Low">The 5 % quantile of the forecast (lower end of the 90 % interval).</param>
/// <param name="High">The 95 % quantile of the forecast (upper end of the 90 % interval).</param>
public sealed record RollingOriginForecast(string Model, int Origin, int Year, double Actual, double Median, double Low, double High)
{
    /// <summary>Years ahead: year − origin.</summary>
    public int Horizon => Year - Origin;

    /// <summary>ln(actual ÷ median): positive when the outcome was above the forecast (about the relative error for small values).</summary>
    public double LogError => Math.Log(Actual / Median);

    /// <summary>Whether the outcome lies inside the 90 % interval (ends included).</summary>
    public bool Covered => Actual >= Low && Actual <= High;
}
