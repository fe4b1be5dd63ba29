using System.Text.Json.Nodes;
using ZoneGrowth.Cli;

namespace ZoneGrowth.Cli.Tests;

/// <summary>
/// What <c>run</c> says on stderr about the output folder: the files of an earlier run it removed, and, with
/// <c>--compare</c>, the previous vintage's data file it gave a notebook that asks for it, or why it gave none.
/// </summary>
public sealed class RunOutputsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("zonegrowth-run-outputs-");

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KEEP_NOTEBOOK_OUTPUTS") is null)
        {
            _root.Delete(recursive: true);
        }
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private string Out(string name) => Path.Combine(_root.FullName, "out", name);

    private string Beside(string name) => Path.Combine(_root.FullName, name);

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = WorkbookCommand.Run(["run", .. args, "--no-chart-images", "--output", Path.Combine(_root.FullName, "out")], output, error);
        return (code, output.ToString(), error.ToString().ReplaceLineEndings("\n"));
    }

    private static string Stdout(string executedNotebook) =>
        string.Concat(((JsonArray)JsonNode.Parse(File.ReadAllText(executedNotebook))!["cells"]!)
            .SelectMany(c => (JsonArray?)c!["outputs"] ?? [])
            .Where(o => (string?)o!["output_type"] == "stream" && (string?)o["name"] == "stdout")
            .SelectMany(o => (JsonArray)o!["text"]!)
            .Select(l => (string?)l));

    [Fact]
    public void A_rerun_of_one_notebook_says_on_stderr_which_files_of_the_earlier_run_it_removed()
    {
        var first = Run(Fixture("success.ipynb"), Fixture("publish.ipynb"));
        Assert.True(first.Code == WorkbookCommand.Success, first.Error);
        Assert.DoesNotContain("removed ", first.Error);
        File.WriteAllText(Out("my-notes.txt"), "mine");

        var (code, _, error) = Run(Fixture("publish.ipynb"));

        Assert.True(code == WorkbookCommand.Success, error);
        var removed = error.Split('\n').Where(l => l.StartsWith("removed ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                $"removed {Out("success.html")}: an earlier run of the workbook wrote it into this folder and this run did not, so it would show an older vintage than index.html",
                $"removed {Out("success.ipynb")}: an earlier run of the workbook wrote it into this folder and this run did not, so it would show an older vintage than index.html",
            ],
            removed);
        Assert.False(File.Exists(Out("success.html")));
        Assert.Equal("mine", File.ReadAllText(Out("my-notes.txt")));
    }

    [Fact]
    public void Compare_gives_a_notebook_that_asks_the_earlier_vintages_data_and_says_which_file_or_why_none()
    {
        var v1 = Beside("zone-2024.csv");
        var v2 = Beside("zone-2025.csv");
        File.WriteAllText(v1, "zone,year,value\nHHZ,2023,1.5\nHHZ,2024,\"2,5\"\n");
        File.WriteAllText(v2, "zone,year,value\nHHZ,2025,3\n");
        var first = Run(Fixture("previous-data.ipynb"), "--param", "dataFile=" + v1);
        Assert.True(first.Code == WorkbookCommand.Success, first.Error);
        var earlier = Beside("earlier.json");
        File.Copy(Out("results.json"), earlier);

        // The earlier vintage's rows, in out/previous/ under the file's own name; nothing for a notebook that does not ask.
        var (code, _, error) = Run(Fixture("previous-data.ipynb"), Fixture("publish.ipynb"), "--param", "dataFile=" + v2, "--compare", earlier);

        Assert.True(code == WorkbookCommand.Success, error);
        var csv = Out("previous/zone-2024.csv");
        Assert.Contains($"previous-data.ipynb: previousDataFile = {csv} (2 rows of {v1} as the run of {earlier} read them)\n", error);
        Assert.DoesNotContain("publish.ipynb: previousDataFile", error);
        Assert.Equal($"previousDataFile={csv}\nzone,year,value\r\nHHZ,2023,1.5\r\nHHZ,2024,\"2,5\"\r\n", Stdout(Out("previous-data.ipynb")));

        // An earlier results.json of an older version kept no rows: the default stays, and the run says why; the CSV the
        // run before wrote goes, as this run did not write it.
        var older = (JsonObject)JsonNode.Parse(File.ReadAllText(earlier))!;
        older.Remove("data_file_rows");
        var olderPath = Beside("older.json");
        File.WriteAllText(olderPath, older.ToJsonString());

        var withoutRows = Run(Fixture("previous-data.ipynb"), "--param", "dataFile=" + v2, "--compare", olderPath);

        Assert.True(withoutRows.Code == WorkbookCommand.Success, withoutRows.Error);
        Assert.Contains($"previous-data.ipynb: previousDataFile keeps its default: {olderPath} kept no rows of {v1} (sha256 ", withoutRows.Error);
        Assert.Contains($"removed {csv}: an earlier run of the workbook wrote it", withoutRows.Error);
        Assert.Equal("previousDataFile=\n", Stdout(Out("previous-data.ipynb")));
        Assert.False(Directory.Exists(Out("previous")));

        // A file given with --param wins, and nothing is said about it.
        var given = Run(Fixture("previous-data.ipynb"), "--param", "dataFile=" + v2, "--param", "previousDataFile=" + v1, "--compare", earlier);

        Assert.True(given.Code == WorkbookCommand.Success, given.Error);
        Assert.DoesNotContain("previousDataFile", given.Error);
        Assert.StartsWith($"previousDataFile={v1}\n", Stdout(Out("previous-data.ipynb")));
    }
}
