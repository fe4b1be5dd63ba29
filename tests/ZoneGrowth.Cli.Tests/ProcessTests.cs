using System.Diagnostics;

namespace ZoneGrowth.Cli.Tests;

/// <summary>The command line as a real process: console progress while the kernel swaps Console, and exiting after a busy hang.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("zonegrowth-process-");

    public void Dispose() => _output.Delete(recursive: true);

    /// <summary>
    /// A <c>while (true) { }</c> cell cannot be stopped in-process; the command must report the timeout and the
    /// process must end (which stops the loop). Stderr must carry the progress printed while cells ran (the kernel
    /// redirects Console.Error during a cell; the command writes to the writer it took at start).
    /// </summary>
    /// <remarks>10 s, not less: the first cell of a process warms Roslyn up, which took over 2 s on a busy machine.
    /// The loop burns one core for that long, then the process ends.</remarks>
    [Fact]
    public async Task A_busy_hung_cell_is_reported_and_the_process_exits()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _output.FullName,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "workbook.dll"), "run", Path.Combine(AppContext.BaseDirectory, "Fixtures", "hang-busy.ipynb"), "--cell-timeout", "10", "--output", _output.FullName })
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the process did not exit within {clock.Elapsed}");
        }

        Assert.Equal(WorkbookCommand.RunFailed, process.ExitCode);
        var stderr = await error;
        Assert.True(stderr.Contains("[1/1] hang-busy.ipynb: cell 2 of 3 ok", StringComparison.Ordinal), stderr);
        Assert.Contains("[1/1] hang-busy.ipynb: cell 3 of 3 running...", stderr);
        Assert.Contains("hang-busy.ipynb: cell 3 (code cell 2) failed: CellTimeout", stderr);
        Assert.Contains("0 of 1 notebook succeeded, 1 failed", await output);
        Assert.True(File.Exists(Path.Combine(_output.FullName, "hang-busy.html")));
    }
}
