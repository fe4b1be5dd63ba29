using ZoneGrowth.Forecasting;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// The settings of a revenue nowcast and target outlook: the observation standard deviation of each
/// kind of evidence (on the log scale: 0.02 is about ±2 %; those of levels are <see cref="ObservationNoise"/>'s,
/// shared with the state-space growth model), the catalog ids of the related indicators it bridges from, and the
/// stated priors of the choices the answer turns on. The defaults are the workbook's; every result states the
/// values it used.
/// </summary>
public sealed record NowcastOptions : ObservationNoise
{
    /// <summary>The workbook's defaults.</summary>
    public static new NowcastOptions Default { get; } = new();

    /// <summary>A growth rate published as expected (预计) or as "about" (左右): 1 point (the growth rates of figures published as reported carry <see cref="ObservationNoise.ReportedSd"/>).</summary>
    public double GrowthEstimateSd { get; init; } = 0.01;

    /// <summary>
    /// How far a part of GDP's prices (core added value's) may run from GDP's in a year, on the log scale: 2 points. A
    /// real growth rate of the part is evidence on its real change only up to this.
    /// </summary>
    public double PartDeflatorGapSd { get; init; } = 0.02;

    /// <summary>The root of the chain the price prior and the census-year evidence are read for (the outlook sets it from the table of relations).</summary>
    public string Gdp { get; init; } = "gdp";

    /// <summary>The root's real growth published without a level (the outlook sets it from the catalog).</summary>
    public string GdpRealGrowth { get; init; } = "gdp_real_growth";

    /// <summary>Consumer prices, change on the previous year in percent (context for the price prior).</summary>
    public string ConsumerPrices { get; init; } = "cpi_growth";

    /// <summary>Producer prices, change on the previous year in percent (context for the price prior).</summary>
    public string ProducerPrices { get; init; } = "ppi_growth";

    /// <summary>
    /// The prior probability that revenue moves with a census revision of GDP, before the evidence of
    /// earlier census years: 0.5 (no view either way). <see cref="RevisionLink"/> updates it.
    /// </summary>
    public double PriorProbabilityRevenueMovesWithRevision { get; init; } = 0.5;

    /// <summary>
    /// The probability that a census year's GDP level whose row records no basis is the revised one:
    /// 0.5 (the source does not say). A row that names a revised basis counts as revised for sure.
    /// </summary>
    public double ProbabilityUnmarkedCensusLevelIsRevised { get; init; } = 0.5;

    /// <summary>
    /// The largest census revision of a zone's GDP considered when an earlier census year is tested,
    /// on the log scale: 0.15 (about +16 %); the revision is taken as uniform between 0 and this.
    /// </summary>
    public double MaximumCensusRevision { get; init; } = 0.15;

    /// <summary>
    /// The reference years of China's national economic censuses (2004, 2008, 2013, 2018, 2023), after
    /// which GDP is revised: a step of revenue ÷ GDP ending in one of them is evidence of whether
    /// revenue moved with the revision.
    /// </summary>
    public IReadOnlyList<int> CensusYears { get; init; } = [2004, 2008, 2013, 2018, 2023];
}
