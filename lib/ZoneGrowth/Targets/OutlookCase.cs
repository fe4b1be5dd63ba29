namespace ZoneGrowth.Targets;

/// <summary>
/// P(target met) under one named assumption, beside the headline that integrates over every stated
/// choice: where one choice is fixed at one of its ends, or a piece of evidence is left out.
/// </summary>
/// <param name="Kind">Which assumption.</param>
/// <param name="Assumption">The assumption in words, with its numbers.</param>
/// <param name="Probability">P(target met) under it.</param>
public sealed record OutlookCase(OutlookCaseKind Kind, string Assumption, double Probability)
{
    /// <summary>The key its published figure is named by (<c>p_met_</c> + key): <c>no_price_rise</c>, <c>revenue_revised_basis</c>, ...</summary>
    public string Key => Kind switch
    {
        OutlookCaseKind.Headline => "headline",
        OutlookCaseKind.NoPriceRise => "no_price_rise",
        OutlookCaseKind.ProvinceRevision => "province_revision",
        OutlookCaseKind.RevenueOriginalBasis => "revenue_original_basis",
        OutlookCaseKind.RevenueRevisedBasis => "revenue_revised_basis",
        OutlookCaseKind.DriftOnFirstLink => "drift_on_ratio",
        OutlookCaseKind.DriftOnSecondLink => "drift_on_share",
        OutlookCaseKind.DriftSplitEvenly => "drift_split_evenly",
        OutlookCaseKind.SilenceNotWeighed => "silence_not_weighed",
        OutlookCaseKind.SilenceCertain => "silence_certain",
        _ => "without_bounds",
    };
}
