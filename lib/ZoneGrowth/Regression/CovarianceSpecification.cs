namespace ZoneGrowth.Regression;

/// <summary>A covariance choice with its Newey-West options, validated against the sample size.</summary>
internal sealed record CovarianceSpecification(CovarianceType Type, int? MaxLags, bool UseCorrection)
{
    public static CovarianceSpecification Classical { get; } = new(CovarianceType.Classical, null, false);

    /// <summary>The default Newey-West lag floor(4·(n/100)^(2/9)) (Newey and West 1994's common rule of thumb).</summary>
    public static int DefaultNeweyWestLags(int n) => (int)Math.Floor(4.0 * Math.Pow(n / 100.0, 2.0 / 9.0));

    public static CovarianceSpecification Create(CovarianceType type, int? maxLags, bool useCorrection, int n)
    {
        if (type != CovarianceType.NeweyWest)
        {
            if (maxLags is not null || useCorrection)
            {
                throw new RegressionException(RegressionMessages.LagsWithoutNeweyWest(type));
            }

            return new CovarianceSpecification(type, null, false);
        }

        int lags = maxLags ?? DefaultNeweyWestLags(n);
        if (lags < 0 || lags >= n)
        {
            throw new RegressionException(RegressionMessages.InvalidMaxLags(lags, n));
        }

        return new CovarianceSpecification(type, lags, useCorrection);
    }
}
