using System.Globalization;
using Microsoft.VisualBasic.FileIO;
using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>
/// Every series of the shipped data against data/hhz-indicators.csv read on its own (a plain CSV parser, not the
/// library's reader): each zone, indicator, status and period has one point per year, and a year with one row
/// has that row, with its value as written (converted by hand where the unit is not the catalog's). The two
/// years with two rows are checked by hand. With the basis part of a figure's identity, nothing here changed.
/// </summary>
public sealed class ShippedSeriesTests
{
    private static readonly DataSet Shipped = DataSet.LoadDefault();

    /// <summary>Factors to the catalog units, from data/units.csv: 1 万亿元 = 10 000 亿元, 1 billion RMB = 10 亿元.</summary>
    private static readonly Dictionary<string, double> ToCatalogUnit = new()
    {
        ["亿元"] = 1, ["万亿元"] = 10000, ["trillion RMB"] = 10000, ["billion RMB"] = 10, ["percent"] = 1, ["count"] = 1,
    };

    private sealed record Row(int Line, string Zone, string Indicator, int Year, string Period, double Value, string Status, string Basis, string Published);

    /// <summary>The rows of the shipped file, each with its line (the header is line 1; no field spans lines).</summary>
    private static IReadOnlyList<Row> FileRows()
    {
        using var parser = new TextFieldParser(WorkbookPaths.DefaultDataFile, System.Text.Encoding.UTF8) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        int At(string name) => Array.IndexOf(header, name);
        var rows = new List<Row>();
        var line = 1;
        while (parser.ReadFields() is { } f)
        {
            line++;
            rows.Add(new Row(line, f[At("zone")], f[At("indicator")], int.Parse(f[At("year")], CultureInfo.InvariantCulture), f[At("period")],
                double.Parse(f[At("value")], CultureInfo.InvariantCulture) * ToCatalogUnit[f[At("unit")]], f[At("status")], f[At("basis")], f[At("published")]));
        }

        return rows;
    }

    private static IndicatorSeries SeriesOf(Row row)
    {
        Assert.True(ObservationStatusText.TryParse(row.Status, out var status));
        Assert.True(Period.TryParse(row.Period, out var period));
        return Shipped.Series(row.Indicator, row.Zone, [status], period);
    }

    [Fact]
    public void EverySeriesHasOnePointPerYearAndAYearWithOneRowHasThatRow()
    {
        var rows = FileRows();
        Assert.Equal(82, rows.Count); // lines 2-83

        foreach (var group in rows.GroupBy(r => (r.Zone, r.Indicator, r.Status, r.Period)))
        {
            var series = SeriesOf(group.First());
            Assert.Equal(group.Select(r => r.Year).Distinct().Order(), series.Years);
            foreach (var year in group.GroupBy(r => r.Year).Where(y => y.Count() == 1))
            {
                var row = year.Single();
                var point = series.PointAt(row.Year)!;
                Assert.Equal(row.Line, point.Observation.Location.Line);
                Assert.Equal(row.Value, point.Value, 1e-9);
                Assert.Equal(row.Basis, point.Observation.Basis);
            }
        }
    }

    [Fact]
    public void OnlyTwoYearsHaveTwoRowsAndTheirPointsAreTheLatestFigures()
    {
        var twice = FileRows().GroupBy(r => (r.Zone, r.Indicator, r.Year, r.Period, r.Status)).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.Equal([("Zhejiang", "gdp", 2023, "", "reported"), ("Hangzhou", "gdp", 2021, "", "reported")], twice);

        // Zhejiang 2023: 82553 first published (line 26, 2024-03-04) and 85620 revised after the fifth census
        // (line 27, census5, 2025): two figures on two bases; the point is the revised one, the first release is
        // on another basis, not superseded.
        var zhejiang = Shipped.Series("gdp", "Zhejiang");
        Assert.Equal((85620.0, 27), (zhejiang.ValueAt(2023)!.Value, zhejiang.PointAt(2023)!.Observation.Location.Line));
        Assert.Equal([(2023, 82553.0, 26)], zhejiang.OnOtherBases.Select(o => (o.Year, o.Value, o.Location.Line)));
        Assert.Empty(zhejiang.Superseded);

        // Hangzhou 2021: 18109 (line 74, 2022-01-22) revised on the same basis to 18247 (line 75, 2023-01-21).
        var hangzhou = Shipped.Series("gdp", "Hangzhou");
        Assert.Equal((18247.0, 75), (hangzhou.ValueAt(2021)!.Value, hangzhou.PointAt(2021)!.Observation.Location.Line));
        Assert.Equal([(2021, 18109.0, 74)], hangzhou.Superseded.Select(o => (o.Year, o.Value, o.Location.Line)));
        Assert.Empty(hangzhou.OnOtherBases);
    }

    [Fact]
    public void OnTheOriginalBasisEverySeriesHasTheFirstPublishedRowOfEachYear()
    {
        var rows = FileRows();
        foreach (var group in rows.GroupBy(r => (r.Zone, r.Indicator, r.Status, r.Period)))
        {
            var original = SeriesOf(group.First()).OnOriginalBasis();
            var firstPublished = group.Where(r => r.Basis.Length == 0).GroupBy(r => r.Year).OrderBy(y => y.Key).ToArray();
            Assert.Equal(firstPublished.Select(y => y.Key), original.Years);
            Assert.All(original.Points, p => Assert.Equal(string.Empty, p.Observation.Basis));
            foreach (var year in firstPublished.Where(y => y.Count() == 1))
            {
                Assert.Equal(year.Single().Line, original.PointAt(year.Key)!.Observation.Location.Line);
            }
        }

        // HHZ GDP, as the notebooks and the out-of-sample test use it: 2016-2023 reported first releases
        // (lines 16-21 and 80, no 2019), without the census-revised 2024 (line 22).
        var hhz = Shipped.Series("gdp", "HHZ").OnOriginalBasis();
        Assert.Equal([2016, 2017, 2018, 2020, 2021, 2022, 2023], hhz.Years);
        Assert.Equal([901.4, 1088.9, 1350.7, 1745.7, 2022.6, 2184.8, 2467.9], hhz.Values);

        // Zhejiang GDP: its 2023 point is the census-revised 85620, but its first release of 2023 (82553, line 26)
        // is on the original basis: 2016, 2017, 2021, 2022, 2023 (lines 60, 61, 24, 25, 26).
        var zhejiang = Shipped.Series("gdp", "Zhejiang").OnOriginalBasis();
        Assert.Equal([46485.0, 51768, 73516, 77715, 82553], zhejiang.Values);
        Assert.Equal([2023], zhejiang.OnOtherBases.Select(o => o.Year)); // 85620, census5, now the other basis
    }
}
