using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>Two vintages of a data file compared row by row, as <c>run --compare</c> reports them.</summary>
public sealed class DataFileDiffTests
{
    private const string Header = "zone,indicator,year,period,value,unit,status,growth_pct,basis,published,source,quote,note\n";

    [Fact]
    public void A_snapshot_reads_a_csv_as_text_rows_with_their_lines_and_its_hash()
    {
        var path = TestFiles.Temporary(Header + "HHZ,gdp,2024,,2887.8,亿元,reported,5,census5,2025-03,a.gov.cn,\"a, quoted\",\n\nHHZ,gdp,2025,,3000,亿元,estimate,,,2026,b,,\n");
        try
        {
            var snapshot = DataFileSnapshot.TryRead(path)!;

            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), snapshot.Sha256);
            Assert.Equal("zone", snapshot.Header[0]);
            Assert.Equal([2, 4], snapshot.Rows.Select(r => r.Line)); // the blank line 3 is no row
            Assert.Equal("a, quoted", snapshot.Rows[0].Cells[11]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_or_one_that_is_no_table_has_no_snapshot()
    {
        Assert.Null(DataFileSnapshot.TryRead(Path.Combine(Path.GetTempPath(), "zonegrowth-no-such-file.csv")));
        var text = TestFiles.Temporary("not a table", ".txt");
        try
        {
            Assert.Null(DataFileSnapshot.TryRead(text));
        }
        finally
        {
            File.Delete(text);
        }
    }

    [Fact]
    public void Rows_are_matched_by_zone_indicator_year_period_and_basis()
    {
        string[] header = ["zone", "indicator", "year", "period", "value", "unit", "status", "basis", "source"];
        var before = new DataFileSnapshot("a", header,
        [
            new DataFileRow(2, ["HHZ", "gdp", "2023", "", "2387.5", "亿元", "reported", "", "s1"]),
            new DataFileRow(3, ["HHZ", "gdp", "2023", "", "2467.9", "亿元", "reported", "census5", "s2"]),
            new DataFileRow(4, ["HHZ", "gdp", "2024", "H1", "1400", "亿元", "reported", "", "s3"]),
        ]);
        var after = new DataFileSnapshot("b", header,
        [
            new DataFileRow(2, ["HHZ", "gdp", "2023", "", "2387.5", "亿元", "reported", "", "s1"]),
            new DataFileRow(3, ["HHZ", "gdp", "2023", "", "2470", "亿元", "reported", "census5", "a source whose address is far longer than forty characters"]),
            new DataFileRow(4, ["HHZ", "gdp", "2024", "", "2887.8", "亿元", "reported", "", "s4"]),
        ]);

        var diff = DataFileDiff.Compare(before, after);

        Assert.Equal((1, 1, 1), (diff.Added, diff.Changed, diff.Removed));
        Assert.Equal(
            "+1 row, −1 row, 1 row changed (line 4: HHZ gdp 2024: 2887.8 亿元, reported; "
            + "line 3 changed: HHZ gdp 2023 census5: value 2467.9 → 2470, source s2 → a source whose address is far longer th…; "
            + "line 4 removed: HHZ gdp 2024 H1: 1400 亿元, reported)",
            diff.ToString());
    }

    [Fact]
    public void A_file_without_the_layout_columns_is_compared_by_whole_rows_and_identical_files_have_no_change()
    {
        var before = new DataFileSnapshot("a", ["x", "y"], [new DataFileRow(2, ["1", "2"]), new DataFileRow(3, ["3", "4"])]);
        var after = new DataFileSnapshot("b", ["x", "y"], [new DataFileRow(2, ["1", "2"]), new DataFileRow(3, ["3", "5"])]);

        Assert.Equal("+1 row, −1 row (line 3: 3,5; line 3 removed: 3,4)", DataFileDiff.Compare(before, after).ToString());
        Assert.Equal(string.Empty, DataFileDiff.Compare(before, before).ToString());
    }
}
