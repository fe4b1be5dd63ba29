using System.Diagnostics;
using ZoneGrowth.Notebooks.Reports;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>Debian's headless Chromium with the network shut off (every request goes to a dead local proxy).</summary>
internal static class Chromium
{
    public static async Task<(string Dom, string Log)> DumpDomAsync(string chromium, string htmlPath, string profile, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in HeadlessChromium.DumpDomArguments(htmlPath, profile, 15000, "--enable-logging=stderr", "--v=0"))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var dom = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var log = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (await dom, await log);
    }
}
