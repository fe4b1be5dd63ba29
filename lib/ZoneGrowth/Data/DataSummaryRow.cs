using System.Globalization;

namespace ZoneGrowth.Data;

/// <summary>One zone and indicator of a <see cref="DataSummary"/>.</summary>
/// <param name="Zone">The zone.</param>
/// <param name="Indicator">The indicator.</param>
/// <param name="Years">The distinct years with any figure, ascending.</param>
/// <param name="CountByStatus">How many figures of each status.</param>
public sealed record DataSummaryRow(string Zone, IndicatorDefinition Indicator, IReadOnlyList<int> Years, IReadOnlyDictionary<ObservationStatus, int> CountByStatus)
{
    /// <summary>The years compactly: "2016-2018, 2020-2022, 2024".</summary>
    public string YearsText
    {
        get
        {
            var parts = new List<string>();
            for (var i = 0; i < Years.Count;)
            {
                var j = i;
                while (j + 1 < Years.Count && Years[j + 1] == Years[j] + 1)
                {
                    j++;
                }

                parts.Add(i == j
                    ? Years[i].ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{Years[i]}-{Years[j]}"));
                i = j + 1;
            }

            return string.Join(", ", parts);
        }
    }
}
