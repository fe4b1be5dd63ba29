namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// The one browser of a run: started when a step first asks for it (or early, by <see cref="ChartImages.Preload"/>,
/// while the notebooks run) and closed at the end. One launch, one profile, one tab for the chart pictures and then
/// for every page printed.
/// </summary>
internal sealed class ReportBrowser(string? configuredPath, CancellationToken cancellationToken) : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(1);
    private Task<(ChromiumSession? Session, string? Problem)>? _open;

    /// <summary>The browser's executable, or <c>null</c> when none was found.</summary>
    public string? Path { get; } = HeadlessChromium.Locate(configuredPath);

    /// <summary>The path given on the command line, if any (for messages).</summary>
    public string? ConfiguredPath { get; } = configuredPath;

    /// <summary>The chart renderer loaded into the tab (plotly.js and its render function), once started: why it could not be, or <c>null</c>.</summary>
    internal Task<string?>? ChartRenderer { get; set; }

    /// <summary>The open session, started on first use, or why there is none (both <c>null</c>: no browser was found).</summary>
    public Task<(ChromiumSession? Session, string? Problem)> OpenAsync() => _open ??= StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (ChartRenderer is not null)
        {
            await ChartRenderer.ConfigureAwait(false);
        }

        if (_open is not null && await _open.ConfigureAwait(false) is { Session: { } session })
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<(ChromiumSession?, string?)> StartAsync()
    {
        if (Path is null)
        {
            return (null, null);
        }

        try
        {
            return (await ChromiumSession.StartAsync(Path, StartLimit, cancellationToken).ConfigureAwait(false), null);
        }
        catch (ChromiumException e)
        {
            return (null, e.Message);
        }
    }
}
