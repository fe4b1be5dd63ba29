namespace ZoneGrowth.Data;

/// <summary>One entry of the zone catalog (<c>data/zones.csv</c>).</summary>
/// <param name="Id">The name data files use in their <c>zone</c> column, e.g. <c>HHZ</c>.</param>
/// <param name="ChineseName">The Chinese name, e.g. 杭州高新区(滨江区).</param>
/// <param name="EnglishName">An English name for tables and prose.</param>
/// <param name="Parent">The zone that contains this one (a district's city, a city's province); empty for none.</param>
/// <param name="Kind">What the zone is: district, city, province, ... (free text).</param>
public sealed record ZoneDefinition(string Id, string ChineseName, string EnglishName, string Parent, string Kind);
