using System.Diagnostics;

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
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     $"--user-data-dir={profile}",
                     // Port 9 (discard) has no listener: any request fails; <-loopback> sends loopback through it too.
                     "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                     "--enable-logging=stderr", "--v=0",
                     "--virtual-time-budget=15000", "--dump-dom",
                     new Uri(htmlPath).AbsoluteUri,
                 })
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
