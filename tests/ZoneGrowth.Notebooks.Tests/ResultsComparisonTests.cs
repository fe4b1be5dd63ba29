using System.Text.Json.Nodes;
using ZoneGrowth.Data;
using ZoneGrowth.Notebooks.Reports;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>results.json round trip and the comparison of two vintages.</summary>
public class ResultsComparisonTests
{
    private static ResultsFile File(DataFileInfo[] files, params PublishedResult[] results) =>
        new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new GitState(true, new string('a', 40), false),
            new Dictionary<string, JsonNode?> { ["seed"] = 7, ["dataFile"] = "/d/zone.csv" },
            [Notebook("notebooks/01-a.ipynb", files, results)]);

    private static ResultsFileNotebook Notebook(string path, DataFileInfo[] files, params PublishedResult[] results) =>
        new(path, "1. A", "What is a?", NotebookRunStatus.Succeeded, 1.5, null, files, results);

    private static PublishedResult R(string name, double value, double? low = null, double? high = null) =>
        new("growth", name, value, low, high, "RMB 100m", name + " description");

    private static readonly DataFileInfo Data = new("../data/hhz-indicators.csv", "00ff", 120);

    [Fact]
    public void Round_trips_through_json_with_snake_case_names()
    {
        var original = File([Data], R("revenue_2025", 5480.25, 5100, 5900), R("gap", 0));
        var path = Path.Combine(Path.GetTempPath(), $"zonegrowth-results-{Guid.NewGuid():N}.json");
        try
        {
            original.Write(path);
            var text = System.IO.File.ReadAllText(path);
            Assert.Contains("\"notebook_key\": \"growth\"", text);
            Assert.Contains("\"duration_seconds\": 1.5", text);
            Assert.Contains("\"data_files\": [", text);
            Assert.Contains("\"low\": null", text);
            Assert.Contains("\"seed\": 7,", text); // typed: a number, not "7"

            var loaded = ResultsFile.Load(path);
            Assert.Equal(original.Generated, loaded.Generated);
            Assert.Equal(original.Git, loaded.Git);
            Assert.Equal(7, (int)loaded.Parameters["seed"]!);
            Assert.Equal("/d/zone.csv", (string?)loaded.Parameters["dataFile"]);
            Assert.Equal(original.Notebooks[0].Results, loaded.Notebooks[0].Results);
            Assert.Equal(original.Notebooks[0].DataFiles, loaded.Notebooks[0].DataFiles);
            Assert.False(ResultsComparison.Compare(original, loaded).HasDrift);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Data_files_are_written_and_read_through_the_publication_contract()
    {
        // DataFileInfo names no converter of its own: results.json's serializer takes the contract's.
        var node = JsonNode.Parse(File([Data]).ToJson())!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PublicationContract.ToJson(Data)), node["notebooks"]![0]!["data_files"]![0]));

        node["notebooks"]![0]!["data_files"]![0]!["sha256"] = "00FF";
        var path = Path.Combine(Path.GetTempPath(), $"zonegrowth-results-{Guid.NewGuid():N}.json");
        try
        {
            System.IO.File.WriteAllText(path, node.ToJsonString());
            Assert.Equal(Data, ResultsFile.Load(path).Notebooks[0].DataFiles[0]); // the contract keeps hashes in lower case

            node["notebooks"]![0]!["data_files"]![0]!.AsObject().Remove("rows");
            System.IO.File.WriteAllText(path, node.ToJsonString());
            var e = Assert.Throws<InvalidDataException>(() => ResultsFile.Load(path));
            Assert.Contains("'rows'", e.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_results_file_is_rejected_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zonegrowth-results-{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, "{\"generated\": 12");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => ResultsFile.Load(path));
            Assert.Contains(path, e.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Moves_beyond_the_relative_tolerance_are_reported_and_smaller_ones_are_not()
    {
        var before = File([Data], R("a", 1000), R("b", 1000), R("zero", 0), R("from_zero", 0), R("interval", 10, 9, 11));
        // a: +2e-6 relative (moved at 1e-6); b: +5e-7 relative (not moved); zero stays 0; from_zero leaves 0;
        // interval: only the low end moves.
        var after = File([Data], R("a", 1000.002), R("b", 1000.0005), R("zero", 0), R("from_zero", 1e-12), R("interval", 10, 8.5, 11));

        var comparison = ResultsComparison.Compare(before, after);

        Assert.True(comparison.HasDrift);
        Assert.Equal(["growth/a", "growth/from_zero", "growth/interval"], comparison.Changes.Select(c => c.Key));
        Assert.All(comparison.Changes, c => Assert.Equal(ResultChangeKind.Moved, c.Kind));
        Assert.Equal((1000, 1000.002), (comparison.Changes[0].Previous, comparison.Changes[0].Current));
        Assert.Contains("low 9 -> 8.5", comparison.Changes[2].Description);

        var loose = ResultsComparison.Compare(before, after, tolerance: 0.2);
        Assert.Equal(["growth/from_zero"], loose.Changes.Select(c => c.Key));
    }

    [Fact]
    public void Added_and_removed_figures_and_changed_data_files_are_reported()
    {
        var before = File([Data, new DataFileInfo("old.csv", "11aa22bb33cc44", 3)], R("kept", 1), R("dropped", 2));
        var after = File([Data with { Sha256 = "ee00ff11ee00ff11" }, new DataFileInfo("new.csv", "22bb33cc44dd55", 4)], R("kept", 1), R("new", 3));

        var changes = ResultsComparison.Compare(before, after).Changes;

        // The notebook reads its second file under a new name: that file changed, it was not added and removed.
        Assert.Equal(
            [(ResultChangeKind.Added, "growth/new"), (ResultChangeKind.Removed, "growth/dropped"),
             (ResultChangeKind.DataFileChanged, "../data/hhz-indicators.csv"), (ResultChangeKind.DataFileChanged, "new.csv")],
            changes.Select(c => (c.Kind, c.Key)));
        Assert.Contains("sha256 00ff → ee00ff11ee00…, rows 120 → 120 (the earlier results.json kept no rows to compare)", changes[2].Description);
        Assert.StartsWith("data file changed new.csv (was old.csv): ", changes[3].Description);
    }

    [Fact]
    public void A_data_file_a_notebook_reads_in_addition_is_added_and_one_it_no_longer_reads_is_removed()
    {
        var extra = new DataFileInfo("extra.csv", "abcdef0123456789", 2);
        var changes = ResultsComparison.Compare(File([Data]), File([Data, extra])).Changes;
        Assert.Equal([(ResultChangeKind.DataFileAdded, "extra.csv")], changes.Select(c => (c.Kind, c.Key)));

        changes = ResultsComparison.Compare(File([Data, extra]), File([Data])).Changes;
        Assert.Equal([(ResultChangeKind.DataFileRemoved, "extra.csv")], changes.Select(c => (c.Kind, c.Key)));
    }

    [Fact]
    public void A_replaced_data_file_names_the_rows_added_changed_and_removed_when_both_vintages_kept_them()
    {
        string[] header = ["zone", "indicator", "year", "period", "value", "unit", "status", "source"];
        var old = new DataFileSnapshot("aaaa0000aaaa0000", header,
        [
            new DataFileRow(2, ["HHZ", "gdp", "2023", "", "2387.5", "亿元", "reported", "a"]),
            new DataFileRow(3, ["HHZ", "gdp", "2024", "", "2550", "亿元", "estimate", "b"]),
            new DataFileRow(4, ["HHZ", "firms", "2020", "", "12", "count", "reported", "c"]),
        ]);
        var replaced = new DataFileSnapshot("bbbb1111bbbb1111", header,
        [
            new DataFileRow(2, ["HHZ", "gdp", "2023", "", "2390", "亿元", "reported", "a"]),
            new DataFileRow(3, ["HHZ", "gdp", "2024", "", "2550", "亿元", "estimate", "b"]),
            new DataFileRow(4, ["HHZ", "gdp", "2025", "", "2700", "亿元", "reported", "d"]),
        ]);
        var before = File([new DataFileInfo("data/hhz.csv", old.Sha256, 3)]) with { DataFileRows = [old] };
        var after = File([new DataFileInfo("/tmp/hhz-2026.csv", replaced.Sha256, 3)]) with { DataFileRows = [replaced] };

        var change = Assert.Single(ResultsComparison.Compare(before, after).Changes);

        Assert.Equal(ResultChangeKind.DataFileChanged, change.Kind);
        Assert.Equal(
            "data file changed /tmp/hhz-2026.csv (was data/hhz.csv): +1 row, −1 row, 1 row changed "
            + "(line 4: HHZ gdp 2025: 2700 亿元, reported; line 2 changed: HHZ gdp 2023: value 2387.5 → 2390; line 4 removed: HHZ firms 2020: 12 count, reported)",
            change.Description);
    }

    [Fact]
    public void Notebooks_not_run_this_time_are_listed_as_not_run_and_their_figures_are_not_removed()
    {
        var before = File([Data], R("a", 1));
        before = before with { Notebooks = [.. before.Notebooks, Notebook("notebooks/02-b.ipynb", [Data], new PublishedResult("b", "x", 2, null, null, "count", "x"))] };
        var after = File([Data], R("a", 1));

        var comparison = ResultsComparison.Compare(before, after);

        var change = Assert.Single(comparison.Changes);
        Assert.Equal((ResultChangeKind.NotRun, "notebooks/02-b.ipynb"), (change.Kind, change.Key));
        Assert.Equal("not run  notebooks/02-b.ipynb: not part of this run, so its 1 key figure was not compared", change.Description);
        Assert.False(comparison.HasDrift);
    }

    [Theory]
    [InlineData(0.4321, 0.52, "+20.3 %")]
    [InlineData(100, 99, "−1.0 %")]
    [InlineData(1000, 1000.002, "+0.00020 %")]
    [InlineData(1, 1.0005, "+0.050 %")]
    [InlineData(5, 5, "0.0 %")]
    [InlineData(0, 3, "from zero")]
    public void Relative_changes_are_percentages_with_two_significant_digits_below_a_tenth_of_a_percent(double then, double now, string expected) =>
        Assert.Equal(expected, ResultsComparison.Percent(then, now));

    [Fact]
    public void The_comparison_and_the_data_rows_round_trip_through_results_json()
    {
        var snapshot = new DataFileSnapshot("00ff", ["zone", "indicator", "year"], [new DataFileRow(2, ["HHZ", "gdp", "2024"])]);
        var file = File([Data], R("a", 1)) with { DataFileRows = [snapshot] };
        file = file with { Comparison = ResultsComparison.Compare(File([Data], R("a", 2)), file, against: "previous.json") };
        var path = Path.Combine(Path.GetTempPath(), $"zonegrowth-results-{Guid.NewGuid():N}.json");
        try
        {
            file.Write(path);
            var text = System.IO.File.ReadAllText(path);
            Assert.Contains("\"kind\": \"moved\"", text);
            Assert.Contains("\"against\": \"previous.json\"", text);
            var loaded = ResultsFile.Load(path);
            Assert.Equal(snapshot.Rows[0].Cells, loaded.DataFileRows[0].Rows[0].Cells);
            Assert.Equal(file.Comparison!.Changes[0].Description, loaded.Comparison!.Changes[0].Description);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Figures_in_the_comparison_are_written_by_their_unit_with_the_relative_move()
    {
        PublishedResult P(double value) => new("target", "p_met", value, null, null, "probability", "P(met)");
        var nowcast = new PublishedResult("target", "nowcast_2025", 5531.23, 5100, 5900, "亿元", "nowcast");

        var changes = ResultsComparison.Compare(File([Data], P(0.4321)), File([Data], P(0.52), nowcast)).Changes;

        // (0.52 - 0.4321) / 0.4321 = 0.2034...; probabilities with two decimals, money with separators.
        Assert.Equal("moved   target/p_met: value 0.43 -> 0.52 (+20.3 %)", changes[0].Description);
        Assert.Equal("added   target/nowcast_2025 = 5,531.2 亿元 [5,100.0, 5,900.0]", changes[1].Description);
    }

    [Fact]
    public void Identical_files_have_no_drift_and_a_negative_tolerance_is_refused()
    {
        var file = File([Data], R("a", 1));
        var comparison = ResultsComparison.Compare(file, file);
        Assert.False(comparison.HasDrift);
        Assert.StartsWith("No key figure moved", comparison.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => ResultsComparison.Compare(file, file, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResultsComparison.Compare(file, file, double.NaN));
    }
}
