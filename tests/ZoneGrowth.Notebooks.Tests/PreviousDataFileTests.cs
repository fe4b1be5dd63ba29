using System.Text.Json.Nodes;
using ZoneGrowth.Data;
using ZoneGrowth.Notebooks.Reports;
using static ZoneGrowth.Notebooks.Tests.Notebooks;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>
/// <c>run --compare previous/results.json</c> gives a notebook that declares <c>string previousDataFile</c> the earlier
/// vintage's rows of the first data file it read, as an RFC 4180 CSV in the output folder's <c>previous/</c>; a notebook
/// without the parameter is untouched, a value passed in wins, and without rows the parameter keeps its default with a
/// line saying why.
/// </summary>
public sealed class PreviousDataFileTests
{
    // The first vintage, written as RFC 4180 writes it (CRLF; quoted fields with a comma, doubled quotes, a line break)
    // with Chinese text: the CSV the second run writes from results.json must be this text again.
    private const string FirstVintage =
        "zone,indicator,year,value,quote\r\n"
        + "HHZ,gdp,2023,2887.8,\"said \"\"yes\"\", then left\"\r\n"
        + "HHZ,revenue,2024,\"6,370\",\"two\nlines\"\r\n"
        + "滨江区,gdp,2024,3100,数字经济\r\n";

    private const string SecondVintage = "zone,indicator,year,value,quote\nHHZ,gdp,2025,3300,new\n";

    private static readonly string Folder = Path.Combine(OutputRoot, "previous-data");

    private static readonly Lazy<Task<(string V1, string V2, NotebookPipelineResult Run)>> First = new(async () =>
    {
        Directory.CreateDirectory(Folder);
        var v1 = Path.Combine(Folder, "hhz-2024.csv");
        var v2 = Path.Combine(Folder, "hhz-2025.csv");
        await File.WriteAllTextAsync(v1, FirstVintage);
        await File.WriteAllTextAsync(v2, SecondVintage);
        return (v1, v2, await Pipeline("first", new Dictionary<string, string> { ["dataFile"] = v1 }, null, "previous-data.ipynb"));
    });

    private static async Task<NotebookPipelineResult> Pipeline(string folder, IReadOnlyDictionary<string, string> values, PreviousResults? compare, params string[] fixtures)
    {
        var plan = NotebookRunPlan.Create(fixtures.Select(Fixture).ToList(), values);
        Assert.Empty(plan.Problems);
        var options = new NotebookPipelineOptions(Path.Combine(Folder, folder)) { ChartImages = false, Compare = compare };
        return await new NotebookPipeline(options).RunAsync(plan);
    }

    private static string Stdout(NotebookOutcome outcome) =>
        string.Concat(Cells(Read(outcome.Run)).Where(c => c["outputs"] is JsonArray).SelectMany(Outputs)
            .Where(o => (string?)o["output_type"] == "stream" && (string?)o["name"] == "stdout")
            .Select(o => Text(o["text"])));

    private static bool HasInjectedCell(NotebookOutcome outcome) =>
        Cells(Read(outcome.Run)).Any(c => c["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t == NotebookParameters.InjectedParametersTag));

    [Fact]
    public async Task Compare_gives_a_notebook_that_asks_the_first_vintages_rows_as_a_csv_and_leaves_other_notebooks_untouched()
    {
        var (v1, v2, first) = await First.Value;
        Assert.True(first.Notebooks[0].Run.Succeeded, Describe(first.Notebooks[0].Run));
        Assert.Null(first.Notebooks[0].PreviousDataFileNote); // no --compare, nothing to give

        var second = await Pipeline("second", new Dictionary<string, string> { ["dataFile"] = v2 },
            new PreviousResults(first.ResultsPath, ResultsFile.Load(first.ResultsPath)), "previous-data.ipynb", "publish.ipynb");

        var (asks, other) = (second.Notebooks[0], second.Notebooks[1]);
        Assert.True(asks.Run.Succeeded, Describe(asks.Run));
        Assert.True(other.Run.Succeeded, Describe(other.Run));

        // The CSV is in the output folder's previous/, under the data file's own name, by an absolute path (which the
        // workbook's path rule uses as it is, wherever the notebook runs).
        var csv = Path.Combine(Folder, "second", "previous", "hhz-2024.csv");
        Assert.Equal(csv, asks.PreviousDataFile);
        Assert.True(Path.IsPathRooted(asks.PreviousDataFile));
        Assert.Equal(FirstVintage, await File.ReadAllTextAsync(csv, TestContext.Current.CancellationToken));

        // What the notebook saw: the path, and the first vintage's rows (read back field by field, with the same header).
        Assert.Equal("previousDataFile=" + csv + "\n" + FirstVintage, Stdout(asks));
        var seen = DataFileSnapshot.TryRead(csv)!;
        Assert.Equal(["zone", "indicator", "year", "value", "quote"], seen.Header);
        Assert.Equal(
            [
                ["HHZ", "gdp", "2023", "2887.8", "said \"yes\", then left"],
                ["HHZ", "revenue", "2024", "6,370", "two\nlines"],
                ["滨江区", "gdp", "2024", "3100", "数字经济"],
            ],
            seen.Rows.Select(r => r.Cells.ToArray()).ToArray());
        Assert.Equal($"previous-data.ipynb: previousDataFile = {csv} (3 rows of {v1} as the run of {first.ResultsPath} read them)", asks.PreviousDataFileNote);

        // The page's provenance records the value the notebook ran with.
        Assert.Contains(csv, await File.ReadAllTextAsync(asks.ReportPath!, TestContext.Current.CancellationToken));

        // A notebook without the parameter: no value given, no injected cell, nothing said.
        Assert.Null(other.PreviousDataFile);
        Assert.Null(other.PreviousDataFileNote);
        Assert.DoesNotContain(other.Run.Parameters, p => p.Injected);
        Assert.False(HasInjectedCell(other));
    }

    [Fact]
    public async Task A_previous_data_file_passed_in_wins_over_the_one_compare_would_write()
    {
        var (_, v2, first) = await First.Value;
        var mine = Path.Combine(Folder, "mine.csv");
        await File.WriteAllTextAsync(mine, "a,b\n1,2\n", TestContext.Current.CancellationToken);

        var run = await Pipeline("explicit", new Dictionary<string, string> { ["dataFile"] = v2, ["previousDataFile"] = mine },
            new PreviousResults(first.ResultsPath, ResultsFile.Load(first.ResultsPath)), "previous-data.ipynb");

        var outcome = Assert.Single(run.Notebooks);
        Assert.True(outcome.Run.Succeeded, Describe(outcome.Run));
        Assert.Equal("previousDataFile=" + mine + "\na,b\n1,2\n", Stdout(outcome));
        Assert.Null(outcome.PreviousDataFile);
        Assert.Null(outcome.PreviousDataFileNote);
        Assert.False(Directory.Exists(Path.Combine(Folder, "explicit", "previous")));
    }

    [Fact]
    public async Task Without_the_earlier_rows_the_parameter_keeps_its_default_and_the_run_says_why()
    {
        var (_, v2, first) = await First.Value;
        // A results.json of an older version: no data_file_rows.
        var older = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(first.ResultsPath, TestContext.Current.CancellationToken))!;
        older.Remove("data_file_rows");
        var olderPath = Path.Combine(Folder, "older-results.json");
        await File.WriteAllTextAsync(olderPath, older.ToJsonString(), TestContext.Current.CancellationToken);

        var run = await Pipeline("no-rows", new Dictionary<string, string> { ["dataFile"] = v2 }, new PreviousResults(olderPath, ResultsFile.Load(olderPath)), "previous-data.ipynb");

        var outcome = Assert.Single(run.Notebooks);
        Assert.True(outcome.Run.Succeeded, Describe(outcome.Run));
        Assert.Equal("previousDataFile=\n", Stdout(outcome)); // its default, ""
        Assert.Null(outcome.PreviousDataFile);
        Assert.StartsWith($"previous-data.ipynb: previousDataFile keeps its default: {olderPath} kept no rows of ", outcome.PreviousDataFileNote);
        Assert.Contains("--param previousDataFile=PATH", outcome.PreviousDataFileNote);
        Assert.False(Directory.Exists(Path.Combine(Folder, "no-rows", "previous")));
    }

    // The matching rules, without running a notebook: by path, else by file name; no entry, no data file.
    [Fact]
    public void The_earlier_notebook_is_found_by_path_else_by_file_name_and_a_missing_one_is_said()
    {
        var plan = NotebookRunPlan.Create([Fixture("previous-data.ipynb"), Fixture("publish.ipynb")], new Dictionary<string, string>());
        Assert.Empty(plan.Problems);
        var folder = Path.Combine(Folder, "matching");
        DataFileInfo Info(string path, char digit) => new(path, new string(digit, 64), 1);
        DataFileSnapshot Rows(char digit, string value) => new(new string(digit, 64), ["x"], [new DataFileRow(2, [value])]);
        ResultsFileNotebook Entry(string path, params DataFileInfo[] files) => new(path, null, null, NotebookRunStatus.Succeeded, 1, null, files, []);
        PreviousResults Previous(ResultsFileNotebook[] notebooks, params DataFileSnapshot[] rows) =>
            new("earlier.json", new ResultsFile(DateTimeOffset.UnixEpoch, GitState.NotACheckout, new Dictionary<string, JsonNode?>(), notebooks) { DataFileRows = rows });

        // Another folder, the same file name: matched; the notebook's first data file is the one given.
        var byName = PreviousDataFiles.Apply(plan.Notebooks,
            Previous([Entry("elsewhere/previous-data.ipynb", Info("data/a.csv", 'a'), Info("data/b.csv", 'b'))], Rows('a', "first"), Rows('b', "second")),
            folder, p => p);
        Assert.Equal(Path.Combine(folder, "previous", "a.csv"), byName[0].Path);
        Assert.Equal("x\r\nfirst\r\n", File.ReadAllText(byName[0].Path!));
        var given = byName[0].Notebook.Parameters.Single(p => p.Name == "previousDataFile");
        Assert.Equal((byName[0].Path, true), (given.Value as string, given.Injected));
        Assert.Equal(new PreviousDataFileChoice(plan.Notebooks[1], null, null), byName[1]); // publish.ipynb does not ask

        // The same path wins over an earlier entry with the same file name.
        var own = Fixture("previous-data.ipynb");
        var byPath = PreviousDataFiles.Apply(plan.Notebooks,
            Previous([Entry("other/previous-data.ipynb", Info("data/a.csv", 'a')), Entry(own, Info("data/b.csv", 'b'))], Rows('a', "first"), Rows('b', "second")),
            folder, p => p);
        Assert.Equal(Path.Combine(folder, "previous", "b.csv"), byPath[0].Path);

        var none = PreviousDataFiles.Apply(plan.Notebooks, Previous([Entry("other.ipynb", Info("data/a.csv", 'a'))], Rows('a', "first")), folder, p => p);
        Assert.Null(none[0].Path);
        Assert.Equal($"previous-data.ipynb: previousDataFile keeps its default: earlier.json has no notebook {own} (notebooks are matched by path, else by file name), so it holds no earlier vintage of this notebook's data. Compare with the results.json of a run that ran this notebook, or give the file yourself with --param previousDataFile=PATH.", none[0].Note);
        Assert.Same(plan.Notebooks[0], none[0].Notebook);

        var noFile = PreviousDataFiles.Apply(plan.Notebooks, Previous([Entry(own)]), folder, p => p);
        Assert.Null(noFile[0].Path);
        Assert.Contains("published no data file as read", noFile[0].Note);
    }

    [Fact]
    public void Fields_are_quoted_only_where_rfc_4180_requires_it()
    {
        Assert.Equal("plain", CsvText.Field("plain"));
        Assert.Equal(" spaced ", CsvText.Field(" spaced ")); // spaces are part of a field
        Assert.Equal("\"a,b\"", CsvText.Field("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", CsvText.Field("say \"hi\""));
        Assert.Equal("\"one\r\ntwo\"", CsvText.Field("one\r\ntwo"));
        Assert.Equal("\"one\ntwo\"", CsvText.Field("one\ntwo"));
        // A record of one empty field is not a blank line; an empty field among others is empty.
        Assert.Equal("h\r\n\"\"\r\n", CsvText.Format(["h"], [[""]]));
        Assert.Equal("a,b\r\n,x\r\n", CsvText.Format(["a", "b"], [["", "x"]]));
    }
}
