using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace ZoneGrowth.Data;

/// <summary>
/// A short description of a data set: per zone and indicator, the years covered and the number
/// of figures of each status; plus the unit conversions made on loading.
/// </summary>
public sealed class DataSummary
{
    private DataSummary(DataSet data, IReadOnlyList<DataSummaryRow> rows)
    {
        Data = data;
        Rows = rows;
    }

    /// <summary>The data set described.</summary>
    public DataSet Data { get; }

    /// <summary>One row per zone and indicator, in catalog order.</summary>
    public IReadOnlyList<DataSummaryRow> Rows { get; }

    /// <summary>Summarises a data set.</summary>
    public static DataSummary Of(DataSet data)
    {
        var rows = data.Indicators
            .SelectMany(indicator => data.Observations.Where(o => o.Indicator == indicator).GroupBy(o => o.Zone))
            .Select(g => new DataSummaryRow(
                g.Key,
                g.First().Indicator,
                g.Select(o => o.Year).Distinct().Order().ToArray(),
                Enum.GetValues<ObservationStatus>().ToDictionary(s => s, s => g.Count(o => o.Status == s))))
            .ToArray();
        return new DataSummary(data, rows);
    }

    /// <summary>The summary as a DataFrame: zone, indicator, unit, years, then one count column per status.</summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn("zone", Rows.Select(r => r.Zone)),
            new StringDataFrameColumn("indicator", Rows.Select(r => r.Indicator.Id)),
            new StringDataFrameColumn("unit", Rows.Select(r => r.Indicator.Unit.Code)),
            new StringDataFrameColumn("years", Rows.Select(r => r.YearsText)),
        };
        columns.AddRange(Enum.GetValues<ObservationStatus>().Select(s =>
            new PrimitiveDataFrameColumn<int>(s.ToText(), Rows.Select(r => r.CountByStatus[s]))));
        return new DataFrame(columns);
    }

    /// <summary>A plain-text table for the terminal.</summary>
    public override string ToString()
    {
        var statuses = Enum.GetValues<ObservationStatus>();
        var zoneWidth = Math.Max(4, Rows.Select(r => r.Zone.Length).DefaultIfEmpty(0).Max());
        var idWidth = Math.Max(9, Rows.Select(r => r.Indicator.Id.Length).DefaultIfEmpty(0).Max());
        var yearsWidth = Math.Max(5, Rows.Select(r => r.YearsText.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Data.Observations.Count} observations; {Data.Zones.Count} zones; {Rows.Select(r => r.Indicator).Distinct().Count()} indicators.");
        text.AppendLine().AppendLine();
        text.Append("zone".PadRight(zoneWidth)).Append("  ").Append("indicator".PadRight(idWidth)).Append("  ").Append("years".PadRight(yearsWidth));
        foreach (var s in statuses)
        {
            text.Append("  ").Append(s.ToText());
        }

        foreach (var row in Rows)
        {
            text.AppendLine();
            text.Append(row.Zone.PadRight(zoneWidth)).Append("  ").Append(row.Indicator.Id.PadRight(idWidth)).Append("  ").Append(row.YearsText.PadRight(yearsWidth));
            foreach (var s in statuses)
            {
                text.Append("  ").Append(row.CountByStatus[s].ToString(CultureInfo.InvariantCulture).PadLeft(s.ToText().Length));
            }
        }

        var conversions = Data.Conversions;
        if (conversions.Count > 0)
        {
            text.AppendLine().AppendLine().Append("Converted to the catalog unit:");
            foreach (var o in conversions)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture,
                    $"  {o.Zone} {o.Indicator.Id} {o.Year} ({o.Status.ToText()}): {o.PublishedValue} {o.PublishedUnit.EnglishName} ({o.PublishedUnit.Code}) = {Units.Format(o.Value, o.Indicator.Unit)} ({o.Location})");
            }
        }

        return text.ToString();
    }
}
