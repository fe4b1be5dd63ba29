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
            [new ResultsFileNotebook("notebooks/01-a.ipynb", ResultsFileNotebook.Succeeded, 1.5, null, files, results)]);

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
        var before = File([Data, new DataFileInfo("old.csv", "11", 3)], R("kept", 1), R("dropped", 2));
        var after = File([Data with { Sha256 = "ee00" }, new DataFileInfo("new.csv", "22", 4)], R("kept", 1), R("new", 3));

        var changes = ResultsComparison.Compare(before, after).Changes;

        Assert.Equal(
            [(ResultChangeKind.Added, "growth/new"), (ResultChangeKind.Removed, "growth/dropped"),
             (ResultChangeKind.DataFileChanged, "../data/hhz-indicators.csv"), (ResultChangeKind.DataFileAdded, "new.csv"),
             (ResultChangeKind.DataFileRemoved, "old.csv")],
            changes.Select(c => (c.Kind, c.Key)));
        Assert.Contains("sha256 00ff -> ee00", changes[2].Description);
    }

    [Fact]
    public void Figures_in_the_comparison_are_written_by_their_unit_with_the_relative_move()
    {
        PublishedResult P(double value) => new("target", "p_met", value, null, null, "probability", "P(met)");
        var nowcast = new PublishedResult("target", "nowcast_2025", 5531.23, 5100, 5900, "亿元", "nowcast");

        var changes = ResultsComparison.Compare(File([Data], P(0.4321)), File([Data], P(0.52), nowcast)).Changes;

        // (0.52 - 0.4321) / 0.4321 = 0.2034...; probabilities with two decimals, money with separators.
        Assert.Equal("moved   target/p_met: value 0.43 -> 0.52 (+2.034E-1 relative)", changes[0].Description);
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
