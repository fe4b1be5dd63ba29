using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Cli.Tests;

/// <summary>
/// The notebooks under the stock .NET Interactive kernel, as economists run them in VS Code and
/// Jupyter: through dotnet-repl, which hosts that kernel (with its older FSharp.Core), pinned in
/// .config/dotnet-tools.json and restored here when it is not yet. A break in the path users take is caught
/// here, not by our own runner.
/// </summary>
public sealed partial class StockKernelTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("zonegrowth-repl-");

    public void Dispose() => _output.Delete(recursive: true);

    private static (int Code, string Output) Dotnet(string workingDirectory, params string[] args) =>
        ChildProcess.Run(workingDirectory, TimeSpan.FromMinutes(5), "dotnet", args);

    /// <summary>
    /// Null once dotnet-repl runs: the pinned tool is restored here when it is not yet (as <c>dotnet tool restore</c> in
    /// the repository would), so the README's test command needs no step of its own; else why it cannot run.
    /// </summary>
    private static readonly Lazy<string?> Repl = new(() =>
    {
        if (Dotnet(WorkbookPaths.Root, "tool", "run", "dotnet-repl", "--version").Code == 0)
        {
            return null;
        }

        var (restored, log) = Dotnet(WorkbookPaths.Root, "tool", "restore");
        return restored == 0 && Dotnet(WorkbookPaths.Root, "tool", "run", "dotnet-repl", "--version").Code == 0
            ? null
            : $"dotnet-repl (.config/dotnet-tools.json) could not be restored from NuGet, so the stock kernel cannot run: {log.Trim()}";
    });

    [Theory]
    [InlineData("01-indicators.ipynb")]
    [InlineData("02-growth.ipynb")]
    [InlineData("03-target.ipynb")]
    public void RunsUnderTheStockKernelWithoutAnError(string notebook)
    {
        if (Repl.Value is { } why)
        {
            Assert.Skip(why);
        }

        var executed = Path.Combine(_output.FullName, notebook);

        // dotnet-repl resolves the setup cell's relative #r paths against its working directory,
        // which must be the notebook's folder, as in VS Code and Jupyter.
        var (code, log) = Dotnet(WorkbookPaths.NotebooksFolder, "tool", "run", "dotnet-repl", "--run", notebook, "--exit-after-run", "--output-path", executed, "--output-format", "ipynb");

        Assert.True(code == 0, $"dotnet-repl exited with {code}: {log}");
        var cells = (JsonArray)JsonNode.Parse(File.ReadAllText(executed))!["cells"]!;
        var outputs = cells.SelectMany(c => (JsonArray?)c!["outputs"] ?? []).ToArray();
        Assert.DoesNotContain(outputs, o => (string?)o!["output_type"] == "error");
        // The charts display: the FSharp.Core the stock kernel ships is older than Plotly.NET's,
        // and Workbook.Setup() in the setup cell is what makes them work there. They display as
        // plotly's figure JSON (which the stock kernel's writer stores as text) and a description.
        var charts = outputs.Where(o => o!["data"]?[NotebookJson.Plotly] is not null).Select(o => (JsonObject)o!["data"]!).ToArray();
        Assert.NotEmpty(charts);
        Assert.All(charts, chart =>
        {
            var figure = chart[NotebookJson.Plotly] is JsonObject o ? o : JsonNode.Parse(NotebookJson.Text(chart[NotebookJson.Plotly]))!;
            Assert.IsType<JsonArray>(figure["data"]);
            Assert.StartsWith("Chart: ", NotebookJson.Text(chart["text/plain"]), StringComparison.Ordinal);
            Assert.Null(chart["text/html"]);
        });

        // No output loads anything from the network: no remote src or href, no address in a script (the
        // DataFrame formatter's paging script is local and allowed).
        var all = string.Join("\n", outputs.SelectMany(NotebookJson.Strings));
        Assert.Empty(RemoteResource().Matches(all));
        Assert.DoesNotContain(ScriptBlock().Matches(all), m => m.Value.Contains("http://", StringComparison.OrdinalIgnoreCase) || m.Value.Contains("https://", StringComparison.OrdinalIgnoreCase));

        // No raw object either (the kernel's own "Loading extensions from `path`" notes and its list of installed
        // packages, named as NuGet names them, in the setup cell aside).
        var findings = RawObjects.Find(executed, line => line.StartsWith("Loading extensions from", StringComparison.Ordinal) || line.Contains("Installed Packages", StringComparison.Ordinal) || line.Contains("Installing Packages", StringComparison.Ordinal));
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    /// <summary>A script, stylesheet, image or frame fetched from a network address.</summary>
    [GeneratedRegex(@"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[""']?\s*(?:https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteResource();

    [GeneratedRegex(@"<script\b.*?</script>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptBlock();
}
