using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Debian's Chromium run headless and offline, in one place for every caller (chart pictures, PDFs, the report tests'
/// real-browser checks): where it is, its command lines, and running it with a time limit.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>Where Debian's chromium package installs the browser.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>
    /// The browser to use: <paramref name="configured"/> when given (null if it does not exist), else
    /// <see cref="DefaultPath"/>, else <c>chromium</c> on PATH, else <c>null</c>.
    /// </summary>
    public static string? Locate(string? configured)
    {
        if (configured is not null)
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        if (File.Exists(DefaultPath))
        {
            return DefaultPath;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "chromium.exe" : "chromium"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Arguments that load <paramref name="page"/> headless with a fresh profile, every network
    /// request failing, and print the DOM after scripts ran for <paramref name="virtualTimeBudgetMs"/>.
    /// </summary>
    public static IReadOnlyList<string> DumpDomArguments(string page, string profile, int virtualTimeBudgetMs, params IReadOnlyList<string> extra) =>
    [
        .. Offline(profile),
        .. extra,
        string.Create(CultureInfo.InvariantCulture, $"--virtual-time-budget={virtualTimeBudgetMs}"), "--dump-dom",
        new Uri(page).AbsoluteUri,
    ];

    /// <summary>
    /// Arguments that load <paramref name="page"/> as <see cref="DumpDomArguments"/> does and print it to
    /// <paramref name="pdf"/> with the page's own print stylesheet: no browser header or footer (the page numbers
    /// come from the stylesheet's <c>@page</c> rules), backgrounds kept.
    /// </summary>
    public static IReadOnlyList<string> PrintToPdfArguments(string page, string pdf, string profile, int virtualTimeBudgetMs) =>
    [
        .. Offline(profile),
        "--no-pdf-header-footer",
        string.Create(CultureInfo.InvariantCulture, $"--virtual-time-budget={virtualTimeBudgetMs}"),
        "--print-to-pdf=" + pdf,
        new Uri(page).AbsoluteUri,
    ];

    /// <summary>
    /// Arguments that start the browser headless and offline with a fresh profile, serving its DevTools protocol on a
    /// loopback port the system picks (printed on stderr), with one blank tab (<see cref="ChromiumSession"/>).
    /// </summary>
    public static IReadOnlyList<string> SessionArguments(string profile) =>
        [.. Offline(profile), "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "about:blank"];

    /// <summary>Runs the browser and returns what it printed on stdout.</summary>
    /// <exception cref="ChromiumException">It could not start, ran longer than <paramref name="timeout"/> (it is
    /// then killed), was cancelled, or exited with an error; the message says which.</exception>
    public static async Task<string> RunAsync(string browser, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ChromiumException(ReportMessages.ChromiumDidNotStart(browser, "no process"));
        }
        catch (Win32Exception e)
        {
            throw new ChromiumException(ReportMessages.ChromiumDidNotStart(browser, e.Message));
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var log = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // exited meanwhile
                }

                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                throw new ChromiumException(cancellationToken.IsCancellationRequested ? ReportMessages.ChartImagesCancelled : ReportMessages.ChromiumTimedOut(timeout));
            }

            var text = await output.ConfigureAwait(false);
            var errors = await log.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new ChromiumException(ReportMessages.ChromiumFailed(process.ExitCode, LastLine(errors)));
            }

            return text;
        }
    }

    // Port 9 (discard) has no listener: any request fails; <-loopback> sends loopback through it too.
    private static string[] Offline(string profile) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-breakpad", "--disable-crash-reporter",
        $"--user-data-dir={profile}",
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    ];

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
