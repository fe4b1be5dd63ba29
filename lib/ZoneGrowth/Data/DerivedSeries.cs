using System.Globalization;

namespace ZoneGrowth.Data;

/// <summary>
/// Series computed from published ones, every point marked derived with its rule; nothing here
/// is written back into the data files.
/// </summary>
public static class DerivedSeries
{
    /// <summary>
    /// The share of <paramref name="part"/> in <paramref name="whole"/>, in percent, for every year
    /// both have on the same statistical basis: 100 × part ÷ whole. For example HHZ's GDP as a share of
    /// Zhejiang's. Where the whole's point of a year is on another basis than the part's (a revised level
    /// beside a first release), its figure on the part's basis is used if there is one (in
    /// <see cref="IndicatorSeries.OnOtherBases"/>); otherwise the year is left out, since a share across bases
    /// mixes two levels.
    /// </summary>
    /// <param name="part">The numerator series, e.g. HHZ gdp.</param>
    /// <param name="whole">The denominator series, e.g. Zhejiang gdp.</param>
    /// <param name="share">The catalog's share indicator the result is an instance of (kind share, unit percent).</param>
    /// <exception cref="ArgumentException">The two series are in different units, or the share indicator is not a share.</exception>
    public static IndicatorSeries Share(IndicatorSeries part, IndicatorSeries whole, IndicatorDefinition share)
    {
        if (part.Unit != whole.Unit)
        {
            throw new ArgumentException(DataMessages.ShareUnitsDiffer(part, whole));
        }

        if (share.Kind != IndicatorKind.Share)
        {
            throw new ArgumentException(DataMessages.NotAShareIndicator(share), nameof(share));
        }

        // The rule names the indicators as the catalog does: "100 × HHZ 2022.6 ÷ Zhejiang 73516 (Gross domestic product, 2021)".
        var names = part.Indicator == whole.Indicator ? part.Indicator.EnglishName : $"{part.Indicator.EnglishName} ÷ {whole.Indicator.EnglishName}";
        Observation? OnBasis(SeriesPoint p) =>
            whole.PointAt(p.Year) is { } w && w.Observation.Basis == p.Observation.Basis
                ? w.Observation
                : whole.OnOtherBases.FirstOrDefault(o => o.Year == p.Year && o.Basis == p.Observation.Basis);
        var points = part.Points
            .Select(p => (Part: p, Whole: OnBasis(p)))
            .Where(x => x.Whole is not null)
            .Select(x =>
            {
                var (p, w) = (x.Part, x.Whole!);
                var basis = p.Observation.Basis.Length > 0 ? $", basis {p.Observation.Basis}" : string.Empty;
                var rule = string.Create(CultureInfo.InvariantCulture,
                    $"100 × {part.Zone} {p.Value:0.###} ÷ {whole.Zone} {w.Value:0.###} ({names}, {p.Year}{basis})");
                var status = p.Status == ObservationStatus.Reported && w.Status == ObservationStatus.Reported ? ObservationStatus.Reported : ObservationStatus.Estimate;
                return new SeriesPoint(p.Year, 100 * p.Value / w.Value, status, p.Observation, rule);
            })
            .ToArray();
        return new IndicatorSeries(part.Zone, share, part.Statuses.Intersect(whole.Statuses).ToArray(), points, [], []);
    }
}
