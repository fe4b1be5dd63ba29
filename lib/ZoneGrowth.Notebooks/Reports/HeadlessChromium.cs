using System.Globalization;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// The command line for Debian's Chromium run headless and offline, in one place for every
/// caller (chart images here, the report tests' real-browser check).
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>
    /// Arguments that load <paramref name="page"/> headless with a fresh profile, every network
    /// request failing, and print the DOM after scripts ran for <paramref name="virtualTimeBudgetMs"/>.
    /// </summary>
    public static IReadOnlyList<string> DumpDomArguments(string page, string profile, int virtualTimeBudgetMs, params IReadOnlyList<string> extra) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        $"--user-data-dir={profile}",
        // Port 9 (discard) has no listener: any request fails; <-loopback> sends loopback through it too.
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
        .. extra,
        string.Create(CultureInfo.InvariantCulture, $"--virtual-time-budget={virtualTimeBudgetMs}"), "--dump-dom",
        new Uri(page).AbsoluteUri,
    ];
}
