using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ZoneGrowth.Cli.Tests;

/// <summary>
/// The notebooks under the stock .NET Interactive kernel, as economists run them in VS Code and
/// Jupyter: through dotnet-repl, which hosts that kernel (with its older FSharp.Core), pinned in
/// .config/dotnet-tools.json and restored by .ci/run. A break in the path users take is caught
/// here, not by our own runner.
/// </summary>
public sealed class StockKernelTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("zonegrowth-repl-");

    public void Dispose() => _output.Delete(recursive: true);

    private static (int Code, string Output) Dotnet(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after 5 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Theory]
    [InlineData("01-indicators.ipynb")]
    [InlineData("02-growth.ipynb")]
    [InlineData("03-target.ipynb")]
    public void RunsUnderTheStockKernelWithoutAnError(string notebook)
    {
        var (version, _) = Dotnet(WorkbookPaths.Root, "tool", "run", "dotnet-repl", "--version");
        if (version != 0)
        {
            Assert.Skip("dotnet-repl is not restored: run `dotnet tool restore` in the repository (.ci/run does).");
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
        // and Workbook.Setup() in the setup cell is what makes them work there.
        Assert.Contains(outputs, o => o!["data"]?["text/html"]?.ToJsonString().Contains("renderPlotly", StringComparison.Ordinal) == true);
    }
}
