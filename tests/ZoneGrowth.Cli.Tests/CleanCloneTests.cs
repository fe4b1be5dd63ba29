using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ZoneGrowth.Cli.Tests;

/// <summary>
/// A clean clone (the files git would commit, copied to a temporary folder: no bin/, no obj/) with
/// one edit of the display layer, then the README's run command in Release, as a new user would
/// type it: <c>dotnet run -c Release --project lib/ZoneGrowth.Cli -- run notebooks/01-indicators.ipynb</c>.
/// One build and one notebook for every test of <see cref="CleanCloneTests"/>.
/// </summary>
public sealed class CleanClone : IDisposable
{
    /// <summary>The text appended to the description of every key figure PublishLatest publishes.</summary>
    public const string Edit = "Edited in a clean clone.";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("zonegrowth-clone-");

    public CleanClone()
    {
        var files = ChildProcess.Run(WorkbookPaths.Root, TimeSpan.FromMinutes(1), "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        if (files.Code != 0)
        {
            SkipReason = $"git is needed to list the files of a clean clone (`git ls-files` gave {files.Code}: {files.Output.Trim()}).";
            return;
        }

        foreach (var file in files.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(WorkbookPaths.Root, f))))
        {
            var target = Path.Combine(Root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(WorkbookPaths.Root, file), target);
        }

        // The description of a published key figure, in the display layer (lib/ZoneGrowth.Display/Results.cs, PublishLatest).
        var results = Path.Combine(Root, "lib", "ZoneGrowth.Display", "Results.cs");
        var text = File.ReadAllText(results);
        const string Description = "; source {Html.ShortSource(o.Source)})";
        if (!text.Contains(Description, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{results} no longer has the description \"{Description}\" that this test edits; point the test at another published description.");
        }

        File.WriteAllText(results, text.Replace(Description, $"{Description} {Edit}", StringComparison.Ordinal));

        var clock = Stopwatch.StartNew();
        Output = Path.Combine(_folder.FullName, "out");
        (Code, Log) = ChildProcess.Run(Root, TimeSpan.FromMinutes(10), "dotnet", "run", "-c", "Release", "--project", "lib/ZoneGrowth.Cli", "--", "run", "notebooks/01-indicators.ipynb", "--no-chart-images", "--output", Output);
        Elapsed = clock.Elapsed;
    }

    /// <summary>Why the tests cannot run here, or null.</summary>
    public string? SkipReason { get; }

    /// <summary>The clone's root folder.</summary>
    public string Root => Path.Combine(_folder.FullName, "clone");

    /// <summary>The run's output folder.</summary>
    public string Output { get; } = string.Empty;

    /// <summary>The run's exit code.</summary>
    public int Code { get; }

    /// <summary>The build's and the run's stdout and stderr.</summary>
    public string Log { get; } = string.Empty;

    /// <summary>Build and run, measured.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>A notebook in the clone's notebooks/ holding only the setup cell of 01-indicators.ipynb (the three are identical).</summary>
    public string SetupOnlyNotebook()
    {
        var path = Path.Combine(Root, "notebooks", "setup-only.ipynb");
        var notebook = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "notebooks", "01-indicators.ipynb")))!;
        var setup = ((JsonArray)notebook["cells"]!).Single(c => c!["source"]!.ToJsonString().Contains("Workbook.Setup()", StringComparison.Ordinal))!.DeepClone();
        notebook["cells"] = new JsonArray(setup);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}

/// <summary>
/// The binding between notebooks and library on a clean clone: any configuration of run works, the
/// run uses the sources as edited, and a session whose library is older than the sources, or not
/// built at all, is told what to run (in run and under the stock kernel of VS Code and Jupyter).
/// </summary>
public sealed class CleanCloneTests(CleanClone clone) : IClassFixture<CleanClone>
{
    private static readonly string[] Repl = ["tool", "run", "dotnet-repl"];

    private void SkipWithoutGit()
    {
        if (clone.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    private static void SkipWithoutRepl(string folder)
    {
        if (ChildProcess.Run(folder, TimeSpan.FromMinutes(1), "dotnet", [.. Repl, "--version"]).Code != 0)
        {
            Assert.Skip("dotnet-repl is not restored: run `dotnet tool restore` in the repository (.ci/run does).");
        }
    }

    /// <summary>The text of the setup cell's outputs when dotnet-repl (the stock kernel) runs the setup-only notebook.</summary>
    private string StockKernelSetupCell()
    {
        var notebook = clone.SetupOnlyNotebook();
        var executed = Path.Combine(clone.Output, "stock-kernel-" + Guid.NewGuid().ToString("N") + ".ipynb");
        var (code, log) = ChildProcess.Run(Path.GetDirectoryName(notebook)!, TimeSpan.FromMinutes(5), "dotnet", [.. Repl, "--run", notebook, "--exit-after-run", "--output-path", executed, "--output-format", "ipynb"]);
        Assert.True(File.Exists(executed), $"dotnet-repl exited with {code} and wrote nothing: {log}");
        return string.Join("\n", NotebookJson.Strings(((JsonArray)JsonNode.Parse(File.ReadAllText(executed))!["cells"]!)[0]!["outputs"]));
    }

    /// <summary>Every string in a JSON tree (error values, tracebacks, text lines), unescaped.</summary>
    [Fact]
    public void AReleaseRunOnACleanCloneUsesTheEditedLibrary()
    {
        SkipWithoutGit();
        TestContext.Current.TestOutputHelper?.WriteLine($"Clean clone: Release build and notebook 01 in {clone.Elapsed.TotalSeconds:0} s.");

        Assert.True(clone.Code == WorkbookCommand.Success, clone.Log);
        var results = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(clone.Output, "results.json")))!;
        var published = ((JsonArray)results["notebooks"]!).SelectMany(n => (JsonArray)n!["results"]!).ToArray();
        var gdp = published.Single(r => (string?)r!["name"] == "gdp_level")!;
        Assert.EndsWith(CleanClone.Edit, (string?)gdp["description"]);

        // Only a Release build was made, and the notebooks found the library in the configuration-free folder.
        var display = Path.Combine(clone.Root, "lib", "ZoneGrowth.Display", "bin");
        Assert.False(Directory.Exists(Path.Combine(display, "Debug")), "a Debug build appeared in the clean clone");
        Assert.True(File.Exists(Path.Combine(display, "notebook", "ZoneGrowth.Display.dll")));
    }

    [Fact]
    public void ARunWhoseBuildIsOlderThanASourceStopsAtTheSetupCellNamingIt()
    {
        SkipWithoutGit();
        Assert.True(clone.Code == WorkbookCommand.Success, clone.Log);
        var source = Path.Combine(clone.Root, "lib", "ZoneGrowth", "Data", "DataSet.cs");
        var original = File.ReadAllText(source);
        File.AppendAllText(source, "// edited after the build\n");
        try
        {
            // The built command itself, not rebuilt: its own copy of the library is the one the notebook runs.
            var (code, log) = ChildProcess.Run(clone.Root, TimeSpan.FromMinutes(5), "dotnet", "run", "--no-build", "-c", "Release", "--project", "lib/ZoneGrowth.Cli", "--",
                "run", clone.SetupOnlyNotebook(), "--no-chart-images", "--output", Path.Combine(clone.Output, "stale-run"));

            Assert.True(code == WorkbookCommand.RunFailed, log);
            Assert.Contains($"StaleLibraryException: The workbook library lib/ZoneGrowth.Cli/bin/Release/net10.0/ZoneGrowth.dll was built before lib/ZoneGrowth/Data/DataSet.cs changed: run `dotnet build ZoneGrowth.slnx` in {clone.Root}, then restart the kernel (or the run command) and run the notebook again.", log);
        }
        finally
        {
            File.WriteAllText(source, original);
        }
    }

    [Fact]
    public void UnderTheStockKernelALibraryOlderThanASourceIsToldSo()
    {
        SkipWithoutGit();
        SkipWithoutRepl(clone.Root);
        Assert.True(clone.Code == WorkbookCommand.Success, clone.Log);
        var source = Path.Combine(clone.Root, "lib", "ZoneGrowth.Display", "Html.cs");
        var original = File.ReadAllText(source);
        File.AppendAllText(source, "// edited after the build\n");
        try
        {
            var outputs = StockKernelSetupCell();

            // As VS Code and Jupyter run it: the library loaded from bin/notebook/, checked against the clone's sources.
            Assert.Contains("StaleLibraryException: The workbook library lib/ZoneGrowth.Display/bin/notebook/ZoneGrowth.Display.dll was built before lib/ZoneGrowth.Display/Html.cs changed: run `dotnet build ZoneGrowth.slnx` in", outputs);
        }
        finally
        {
            File.WriteAllText(source, original);
        }
    }

    [Fact]
    public void UnderTheStockKernelAMissingBuildSaysWhatToRun()
    {
        SkipWithoutGit();
        SkipWithoutRepl(clone.Root);
        Assert.True(clone.Code == WorkbookCommand.Success, clone.Log);
        var library = Path.Combine(clone.Root, "lib", "ZoneGrowth.Display", "bin", "notebook");
        var away = library + "-away";
        Directory.Move(library, away);
        try
        {
            var outputs = StockKernelSetupCell();

            // The setup cell's first chunk, not the #r line's bare "CS0006: Metadata file ... could not be found".
            Assert.Contains("has not been built: run `dotnet build ZoneGrowth.slnx` in the repository's root folder, then run this cell again.", outputs);
            Assert.DoesNotContain("CS0006", outputs);
        }
        finally
        {
            Directory.Move(away, library);
        }
    }
}
