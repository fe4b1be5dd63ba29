using System.Globalization;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Debian's Chromium run headless and offline, in one place for every caller: where it is and its command lines, for
/// the run's browser (<see cref="ChromiumSession"/>: chart pictures and PDFs) and for the tests' plain-browser checks
/// of the pages (<see cref="DumpDomArguments"/>).
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
    /// Arguments that start the browser headless and offline with a fresh profile, serving its DevTools protocol on a
    /// loopback port the system picks (printed on stderr), with one blank tab (<see cref="ChromiumSession"/>).
    /// </summary>
    public static IReadOnlyList<string> SessionArguments(string profile) =>
        [.. Offline(profile), "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "about:blank"];

    // Port 9 (discard) has no listener: any request fails; <-loopback> sends loopback through it too.
    private static string[] Offline(string profile) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-breakpad", "--disable-crash-reporter",
        $"--user-data-dir={profile}",
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    ];
}
