using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ZoneGrowth.Notebooks.Reports;
using static ZoneGrowth.Notebooks.Tests.Notebooks;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>
/// A rerun leaves nothing stale in its output folder: what an earlier run wrote there (its manifest,
/// <c>workbook-outputs.json</c>) and this run did not is removed; a file the workbook did not write, or one changed since,
/// is never removed.
/// </summary>
public sealed class StaleOutputTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateDirectory(Path.Combine(OutputRoot, "stale-" + Guid.NewGuid().ToString("N")));

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KEEP_NOTEBOOK_OUTPUTS") is null)
        {
            _folder.Delete(recursive: true);
        }
    }

    private string Out(string name) => Path.Combine(_folder.FullName, name);

    private async Task<NotebookPipelineResult> Run(bool pdf, params string[] fixtures)
    {
        var plan = NotebookRunPlan.Create(fixtures.Select(Fixture).ToList(), new Dictionary<string, string>());
        Assert.Empty(plan.Problems);
        var run = await new NotebookPipeline(new NotebookPipelineOptions(_folder.FullName) { ChartImages = false, Pdf = pdf })
            .RunAsync(plan, null, TestContext.Current.CancellationToken);
        Assert.All(run.Notebooks, n => Assert.True(n.Run.Succeeded, Describe(n.Run)));
        return run;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private JsonObject Manifest() => (JsonObject)JsonNode.Parse(File.ReadAllText(Out("workbook-outputs.json")))!;

    private static string[] Listed(JsonObject manifest) => ((JsonArray)manifest["files"]!).Select(f => (string)f!["path"]!).ToArray();

    private string[] FilesInFolder() =>
        Directory.GetFiles(_folder.FullName, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_folder.FullName, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task A_run_lists_what_it_wrote_with_size_and_hash_and_a_rerun_without_pdf_removes_the_earlier_pdf()
    {
        await Run(false, "success.ipynb");

        // The manifest lists every file the run wrote (and not itself), each with its size and SHA-256 as on disk.
        var manifest = Manifest();
        Assert.Equal("ZoneGrowth workbook run", (string?)manifest["written_by"]);
        Assert.True((bool)manifest["complete"]!);
        Assert.Equal(["index.html", "results.json", "success.html", "success.ipynb"], Listed(manifest));
        foreach (var file in ((JsonArray)manifest["files"]!).Cast<JsonObject>())
        {
            var bytes = File.ReadAllBytes(Out((string)file["path"]!));
            Assert.Equal((long)bytes.Length, (long)file["bytes"]!);
            Assert.Equal(Sha256(bytes), (string?)file["sha256"]);
        }

        // As if that run had printed a PDF (printing needs chromium), and the user keeps files of their own here.
        var pdf = "%PDF-1.7 the earlier answer"u8.ToArray();
        File.WriteAllBytes(Out("success.pdf"), pdf);
        ((JsonArray)manifest["files"]!).Add(new JsonObject { ["path"] = "success.pdf", ["bytes"] = pdf.Length, ["sha256"] = Sha256(pdf) });
        File.WriteAllText(Out("workbook-outputs.json"), manifest.ToJsonString());
        File.WriteAllText(Out("my-notes.txt"), "mine");
        File.WriteAllText(Out("my-report.pdf"), "mine");

        var rerun = await Run(false, "success.ipynb");

        Assert.False(File.Exists(Out("success.pdf")));
        Assert.Equal([Out("success.pdf")], rerun.Cleanup.Removed);
        Assert.Equal([$"removed {Out("success.pdf")}: an earlier run of the workbook wrote it into this folder and this run did not, so it would show an older vintage than index.html"], rerun.Cleanup.Notes);
        Assert.Equal(["index.html", "my-notes.txt", "my-report.pdf", "results.json", "success.html", "success.ipynb", "workbook-outputs.json"], FilesInFolder());
        Assert.Equal(["index.html", "results.json", "success.html", "success.ipynb"], Listed(Manifest()));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_run_with_pdf_then_one_without_leaves_no_pdf()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            Assert.Skip("chromium not installed: apt-get install chromium");
        }

        var printed = await Run(true, "success.ipynb");
        Assert.Equal(Out("success.pdf"), Assert.Single(printed.Notebooks).PdfPath);

        var rerun = await Run(false, "success.ipynb");

        Assert.False(File.Exists(Out("success.pdf")));
        Assert.Equal([Out("success.pdf")], rerun.Cleanup.Removed);
        Assert.DoesNotContain("success.pdf", File.ReadAllText(Out("index.html")));
    }

    [Fact]
    public async Task A_run_of_one_notebook_after_a_run_of_two_removes_the_others_outputs_and_keeps_the_users_files()
    {
        await Run(false, "success.ipynb", "publish.ipynb");
        Assert.True(File.Exists(Out("success.html")));
        File.WriteAllText(Out("my-notes.txt"), "mine");
        Directory.CreateDirectory(Out("mine"));
        File.WriteAllText(Out("mine/success.html"), "mine");

        var rerun = await Run(false, "publish.ipynb");

        Assert.Equal([Out("success.html"), Out("success.ipynb")], rerun.Cleanup.Removed);
        Assert.Equal(["index.html", "mine/success.html", "my-notes.txt", "publish.html", "publish.ipynb", "results.json", "workbook-outputs.json"], FilesInFolder());
        Assert.DoesNotContain("success", File.ReadAllText(Out("index.html")));
        Assert.Equal(["publish.ipynb"], ((JsonArray)JsonNode.Parse(File.ReadAllText(Out("results.json")))!["notebooks"]!).Select(n => Path.GetFileName((string)n!["path"]!)));
    }

    [Fact]
    public async Task Only_files_the_manifest_lists_unchanged_are_removed_never_one_changed_since_or_outside_the_folder()
    {
        // A manifest by hand: a page changed since the run wrote it, a file outside the folder, the manifest itself, and
        // a page a run that stopped halfway was about to write (no size or hash yet).
        var outside = Path.Combine(OutputRoot, "outside-" + Guid.NewGuid().ToString("N") + ".html");
        File.WriteAllText(outside, "not in the output folder");
        File.WriteAllText(Out("edited.html"), "the user's edit");
        File.WriteAllText(Out("halfway.html"), "from a run that stopped");
        var manifest = new JsonObject
        {
            ["written_by"] = "ZoneGrowth workbook run",
            ["complete"] = false,
            ["generated"] = "2026-01-01T00:00:00.000Z",
            ["files"] = new JsonArray(
                new JsonObject { ["path"] = "edited.html", ["bytes"] = 22, ["sha256"] = Sha256("the workbook's page..."u8.ToArray()) },
                new JsonObject { ["path"] = "../" + Path.GetFileName(outside), ["bytes"] = null, ["sha256"] = null },
                new JsonObject { ["path"] = outside, ["bytes"] = null, ["sha256"] = null },
                new JsonObject { ["path"] = "workbook-outputs.json", ["bytes"] = null, ["sha256"] = null },
                new JsonObject { ["path"] = "halfway.html", ["bytes"] = null, ["sha256"] = null }),
        };
        File.WriteAllText(Out("workbook-outputs.json"), manifest.ToJsonString());

        var run = await Run(false, "success.ipynb");

        Assert.True(File.Exists(outside));
        Assert.True(File.Exists(Out("edited.html")));
        Assert.False(File.Exists(Out("halfway.html")));
        Assert.Equal([Out("halfway.html")], run.Cleanup.Removed);
        Assert.Equal([Out("edited.html")], run.Cleanup.Kept);
        Assert.Contains(run.Cleanup.Notes, n => n.StartsWith($"kept {Out("edited.html")}: an earlier run of the workbook wrote it and this run did not, but it has changed since", StringComparison.Ordinal));
        Assert.DoesNotContain("edited.html", Listed(Manifest())); // no longer the workbook's
        File.Delete(outside);
    }

    [Fact]
    public async Task In_a_folder_an_older_version_wrote_only_the_outputs_named_after_a_notebook_go()
    {
        await Run(false, "success.ipynb", "publish.ipynb");
        // An older version wrote no manifest; its results.json says which notebooks it ran.
        File.Delete(Out("workbook-outputs.json"));
        File.WriteAllText(Out("success.pdf"), "%PDF-1.7 older");
        File.WriteAllText(Out("success.csv"), "the user's");
        File.WriteAllText(Out("notes.pdf"), "the user's");

        var rerun = await Run(false, "publish.ipynb");

        Assert.Equal([Out("success.html"), Out("success.ipynb"), Out("success.pdf")], rerun.Cleanup.Removed);
        Assert.Equal(["index.html", "notes.pdf", "publish.html", "publish.ipynb", "results.json", "success.csv", "workbook-outputs.json"], FilesInFolder());
    }

    [Fact]
    public async Task A_folder_the_workbook_never_wrote_keeps_every_file_even_one_named_like_an_output()
    {
        File.WriteAllText(Out("success.pdf"), "the user's own");

        var run = await Run(false, "success.ipynb");

        Assert.Empty(run.Cleanup.Removed);
        Assert.Empty(run.Cleanup.Notes);
        Assert.Equal("the user's own", File.ReadAllText(Out("success.pdf")));
    }

    [Fact]
    public async Task The_previous_vintages_data_goes_with_the_run_that_wrote_it()
    {
        // A run with --compare wrote previous/x.csv; the next run, without --compare, removes it and the emptied folder.
        await Run(false, "success.ipynb");
        Directory.CreateDirectory(Out("previous"));
        var csv = "x\r\n1\r\n"u8.ToArray();
        File.WriteAllBytes(Out("previous/x.csv"), csv);
        var manifest = Manifest();
        ((JsonArray)manifest["files"]!).Add(new JsonObject { ["path"] = "previous/x.csv", ["bytes"] = csv.Length, ["sha256"] = Sha256(csv) });
        File.WriteAllText(Out("workbook-outputs.json"), manifest.ToJsonString());

        var rerun = await Run(false, "success.ipynb");

        Assert.Equal([Out("previous/x.csv")], rerun.Cleanup.Removed);
        Assert.False(Directory.Exists(Out("previous")));
    }

    [Fact]
    public void A_manifest_not_written_by_the_workbook_is_not_read()
    {
        File.WriteAllText(Out("workbook-outputs.json"), "{\"files\": [{\"path\": \"a.html\"}]}");
        Assert.Null(OutputManifest.Load(_folder.FullName));
        File.WriteAllText(Out("workbook-outputs.json"), "not json");
        Assert.Null(OutputManifest.Load(_folder.FullName));
    }
}
