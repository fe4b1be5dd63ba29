using System.Text.Json.Nodes;
using static ZoneGrowth.Notebooks.Tests.Notebooks;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>
/// A notebook that declares the packages of the one before it runs in that notebook's kernel, cleared: it must see
/// nothing the earlier notebook left (variables, types, usings, formatters) and show exactly what it shows alone.
/// </summary>
public class KernelClearingTests
{
    private static Task<IReadOnlyList<NotebookRunResult>> RunInOrder(string folder, params string[] fixtures) => RunInOrder(folder, true, fixtures);

    private static async Task<IReadOnlyList<NotebookRunResult>> RunInOrder(string folder, bool reuse, params string[] fixtures)
    {
        var plan = NotebookRunPlan.Create(fixtures.Select(Fixture).ToList(), new Dictionary<string, string>());
        Assert.Empty(plan.Problems);
        var run = await new NotebookPipeline(new NotebookPipelineOptions(Path.Combine(OutputRoot, "clearing-" + folder))
        {
            ChartImages = false,
            Runner = new NotebookRunnerOptions { ReuseKernels = reuse },
        }).RunAsync(plan);
        return run.Notebooks.Select(n => n.Run).ToList();
    }

    // The DataFrame formatter names each table by the clock (table_639318062620935651).
    private static string? WithoutTableIds(string? outputs) =>
        outputs is null ? null : System.Text.RegularExpressions.Regex.Replace(outputs, @"table_\d+", "table_N");

    private static string ErrorOf(NotebookRunResult result) =>
        Assert.IsType<CellFailure>(result.Failure).Message;

    [Fact]
    public async Task A_variable_of_the_notebook_before_is_not_visible_and_its_formatter_is_gone()
    {
        var runs = await RunInOrder("variable", "isolation-first.ipynb", "isolation-variable.ipynb");
        Assert.True(runs[0].Succeeded, Describe(runs[0]));
        Assert.False(runs[0].KernelCleared);

        var second = runs[1];
        Assert.True(second.KernelCleared);
        var cells = Cells(Read(second));

        // The first notebook's formatter for System.Version is not in force: the default text is.
        var first = Cells(Read(runs[0]));
        Assert.Equal("custom version", Text(Outputs(first[3])[0]["data"]!["text/html"]));
        var version = Text(Outputs(cells[2])[0]["data"]!["text/html"]);
        Assert.Contains("<code>1.2</code>", version);
        Assert.DoesNotContain("custom", version);

        // The kernel's helpers (display) and the packages' references are there, as in a new kernel.
        Assert.Equal("{\"a\":1}", Text(Outputs(cells[3])[0]["data"]!["text/plain"]));

        Assert.False(second.Succeeded);
        Assert.Equal(5, second.Failure!.CellNumber);
        Assert.Contains("CS0103", ErrorOf(second));
        Assert.Contains("'leaked'", ErrorOf(second));
    }

    [Theory]
    [InlineData("isolation-type.ipynb", "CS0246", "'Leaky'")]
    [InlineData("isolation-using.ipynb", "CS0103", "'Regex'")]
    public async Task A_type_or_a_using_of_the_notebook_before_is_not_visible(string fixture, string error, string name)
    {
        var runs = await RunInOrder(Path.GetFileNameWithoutExtension(fixture), "isolation-first.ipynb", fixture);
        Assert.True(runs[1].KernelCleared);
        Assert.Contains(error, ErrorOf(runs[1]));
        Assert.Contains(name, ErrorOf(runs[1]));
    }

    [Fact]
    public async Task A_notebook_shows_in_a_cleared_kernel_exactly_what_it_shows_in_a_new_one()
    {
        // nuget.ipynb displays a DataFrame through the formatter of Microsoft.Data.Analysis's notebook extension,
        // which must be registered again after the kernel is cleared (the formatters were reset).
        var alone = await Run("nuget.ipynb");
        var runs = await RunInOrder("same-outputs", "isolation-first.ipynb", "nuget.ipynb");
        Assert.True(runs[1].KernelCleared);
        Assert.True(runs[1].Succeeded, Describe(runs[1]));
        Assert.False(alone.KernelCleared);
        Assert.Equal(
            Cells(Read(alone)).Select(c => WithoutTableIds(c["outputs"]?.ToJsonString())),
            Cells(Read(runs[1])).Select(c => WithoutTableIds(c["outputs"]?.ToJsonString())));
        Assert.Contains(Cells(Read(runs[1])).Where(c => c["outputs"] is JsonArray).SelectMany(Outputs), o => Text(o["data"]?["text/html"]).Contains("<table", StringComparison.Ordinal));
    }

    [Fact]
    public void Clearing_is_used_only_on_the_kernel_version_it_was_verified_on_which_is_the_pinned_one()
    {
        // The clearing reaches a private setter: a new version of the package must be verified again (run this class)
        // before ClearingVerifiedOn moves with it. Until then the runner falls back to a new kernel per notebook.
        var pinned = System.Xml.Linq.XDocument.Load(Path.Combine(WorkbookPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == "Microsoft.DotNet.Interactive.CSharp").Attribute("Version")!.Value;
        Assert.Equal(KernelSession.ClearingVerifiedOn, pinned);
        Assert.Equal(pinned, KernelSession.KernelVersion);
        Assert.True(KernelSession.CanClear);
    }

    [Fact]
    public async Task Without_clearing_each_notebook_gets_a_new_kernel_and_shows_the_same()
    {
        var cleared = await RunInOrder("fallback-cleared", "isolation-first.ipynb", "nuget.ipynb");
        var fresh = await RunInOrder("fallback-fresh", false, "isolation-first.ipynb", "nuget.ipynb");

        Assert.True(cleared[1].KernelCleared);
        Assert.False(fresh[1].KernelCleared);
        Assert.True(fresh[1].Succeeded, Describe(fresh[1]));
        Assert.Equal(
            Cells(Read(cleared[1])).Select(c => WithoutTableIds(c["outputs"]?.ToJsonString())),
            Cells(Read(fresh[1])).Select(c => WithoutTableIds(c["outputs"]?.ToJsonString())));
    }

    [Fact]
    public async Task Other_packages_or_a_failed_notebook_before_get_a_new_kernel()
    {
        // success.ipynb declares no package; isolation-using.ipynb fails, so its kernel is not kept.
        var runs = await RunInOrder("new-kernels", "isolation-first.ipynb", "success.ipynb", "isolation-using.ipynb", "isolation-type.ipynb");
        Assert.True(runs[1].Succeeded, Describe(runs[1]));
        Assert.False(runs[1].KernelCleared);
        Assert.False(runs[2].KernelCleared);
        Assert.False(runs[2].Succeeded);
        Assert.False(runs[3].KernelCleared);
    }
}
