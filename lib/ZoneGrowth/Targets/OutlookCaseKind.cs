namespace ZoneGrowth.Targets;

/// <summary>The named assumptions the outlook shows beside its headline.</summary>
public enum OutlookCaseKind
{
    /// <summary>Every stated choice integrated over its prior: the answer.</summary>
    Headline,

    /// <summary>The zone's prices did not rise after its last first-published level.</summary>
    NoPriceRise,

    /// <summary>The zone's census revision equals its province's.</summary>
    ProvinceRevision,

    /// <summary>Revenue stays on its original basis.</summary>
    RevenueOriginalBasis,

    /// <summary>Revenue moves with the census revision.</summary>
    RevenueRevisedBasis,

    /// <summary>A drift shared by two links falls (almost) wholly on the first (the ratio of revenue to added value moves, the share holds).</summary>
    DriftOnFirstLink,

    /// <summary>A shared drift falls (almost) wholly on the second link (the share moves, the ratio holds).</summary>
    DriftOnSecondLink,

    /// <summary>A shared drift splits evenly between its two links (P need not lie between the two ends: both links then drift).</summary>
    DriftSplitEvenly,

    /// <summary>The sources' silence is no evidence.</summary>
    SilenceNotWeighed,

    /// <summary>A crossing of the target would surely have been named.</summary>
    SilenceCertain,

    /// <summary>Without the bounds.</summary>
    WithoutBounds,
}
