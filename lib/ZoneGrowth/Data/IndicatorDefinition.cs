namespace ZoneGrowth.Data;

/// <summary>One entry of the indicator catalog (<c>data/indicators.csv</c>).</summary>
/// <param name="Id">The identifier data files use in their <c>indicator</c> column.</param>
/// <param name="ChineseName">The name as Chinese statistics publish it.</param>
/// <param name="EnglishName">An English name for tables and charts.</param>
/// <param name="Unit">The unit every value of this indicator is converted to on loading.</param>
/// <param name="Kind">Level, share, count or growth rate.</param>
/// <param name="GrowthBasis">Whether published growth rates are nominal or real.</param>
/// <param name="Family">
/// Indicators of one family measure related things under different definitions or labels; the
/// consistency audit compares across them to find definitional breaks. Empty when none.
/// </param>
/// <param name="GrowthIndicator">
/// The indicator holding growth rates published without a level (e.g. <c>gdp_real_growth</c>), used
/// by the audit to chain levels across a gap. Empty when none.
/// </param>
/// <param name="Definition">Definition notes.</param>
/// <param name="ShortName">A short English name for prose and chart labels ("revenue", "GDP"); the English name when the catalog gives none.</param>
/// <param name="PartOf">
/// A level indicator this one is a part of (e.g. an added value is part of <c>gdp</c>): in one zone,
/// year, period and basis its value can never exceed that one's, which the data check enforces.
/// Empty when none.
/// </param>
public sealed record IndicatorDefinition(
    string Id,
    string ChineseName,
    string EnglishName,
    Unit Unit,
    IndicatorKind Kind,
    GrowthBasis GrowthBasis,
    string Family,
    string GrowthIndicator,
    string Definition,
    string PartOf = "",
    string ShortName = "")
{
    /// <summary>The short name, or the English name when the catalog gives none.</summary>
    public string Short => ShortName.Length > 0 ? ShortName : EnglishName;

    /// <summary>The English name as it reads inside a sentence: a capitalised first word is lower-cased, an acronym
    /// is kept ("Gross domestic product" → "gross domestic product"; "GDP share", "R&amp;D spending" stay).</summary>
    public string EnglishNameInSentence
    {
        get
        {
            var first = EnglishName.Split(' ')[0];
            return first.Length > 1 && char.IsUpper(first[0]) && first.Skip(1).All(char.IsLower) ? char.ToLowerInvariant(EnglishName[0]) + EnglishName[1..] : EnglishName;
        }
    }
}
