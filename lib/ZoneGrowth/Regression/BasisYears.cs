using ZoneGrowth.Data;

namespace ZoneGrowth.Regression;

/// <summary>The years of a series that are on one statistical basis.</summary>
/// <param name="Basis">The basis label: empty for the basis first published, or e.g. <c>census5</c>.</param>
/// <param name="Years">The years on that basis, ascending.</param>
public sealed record BasisYears(string Basis, IReadOnlyList<int> Years)
{
    /// <summary>In words: "2016–2018, 2020–2022 on the basis first published".</summary>
    public override string ToString() => BasisText.Years(Years) + " on " + BasisText.Describe(Basis);
}
