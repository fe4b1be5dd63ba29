using System.Text.Json.Nodes;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// One tab of the run's browser (<see cref="ChromiumSession"/>): a page is loaded into it, scripts are evaluated in
/// it, and it is printed. One step at a time per tab; tabs run in parallel. Each step runs under the limit set by
/// <see cref="AllowFor"/>; a step over it kills the browser.
/// </summary>
internal sealed class ChromiumTab
{
    private readonly ChromiumSession _session;
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _limit = TimeSpan.FromMinutes(1);

    internal ChromiumTab(ChromiumSession session, string sessionId)
    {
        _session = session;
        SessionId = sessionId;
    }

    /// <summary>The DevTools session attached to the tab.</summary>
    public string SessionId { get; }

    /// <summary>Gives each of the next steps (a load, an evaluation, a print) <paramref name="limit"/>.</summary>
    public void AllowFor(TimeSpan limit) => _limit = limit;

    /// <summary>Runs a script at the start of every page loaded into the tab from now on, before the page's own scripts.</summary>
    public Task AddInitScriptAsync(string source) =>
        _session.Step(_limit, token => _session.SendAsync("Page.addScriptToEvaluateOnNewDocument", new JsonObject { ["source"] = source }, SessionId, token));

    /// <summary>Loads a page into the tab and waits for its load event (its inline scripts have run).</summary>
    /// <exception cref="ChromiumException">The page could not be loaded, or the browser failed.</exception>
    public Task NavigateAsync(string page) => _session.Step(_limit, async token =>
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var navigated = await _session.SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(page).AbsoluteUri }, SessionId, token).ConfigureAwait(false);
        if ((string?)navigated["errorText"] is { Length: > 0 } error)
        {
            throw new ChromiumException(ReportMessages.ChromiumPageFailed(page, error));
        }

        await _loaded.Task.WaitAsync(token).ConfigureAwait(false);
        return true;
    });

    /// <summary>Evaluates a script expression in the page, awaiting it when it is a promise, and returns its value as JSON.</summary>
    /// <exception cref="ChromiumException">The script threw or its promise was rejected (the message is the script's), or the browser failed.</exception>
    public Task<JsonNode?> EvaluateAsync(string expression) => _session.Step(_limit, async token =>
    {
        var result = await _session.SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["awaitPromise"] = true,
            ["returnByValue"] = true,
        }, SessionId, token).ConfigureAwait(false);
        if (result["exceptionDetails"] is JsonObject exception)
        {
            throw new ChromiumException(ReportMessages.ChromiumScriptFailed(
                (string?)exception["exception"]?["description"] ?? (string?)exception["text"] ?? "the script failed"));
        }

        return result["result"]?["value"]?.DeepClone();
    });

    /// <summary>Prints the loaded page with its own print stylesheet (its <c>@page</c> size and margins, backgrounds kept, no browser header or footer).</summary>
    public Task<byte[]> PrintToPdfAsync() => _session.Step(_limit, async token =>
    {
        var result = await _session.SendAsync("Page.printToPDF", new JsonObject
        {
            ["printBackground"] = true,
            ["preferCSSPageSize"] = true,
            ["displayHeaderFooter"] = false,
        }, SessionId, token).ConfigureAwait(false);
        return Convert.FromBase64String((string?)result["data"] ?? "");
    });

    internal void OnLoaded() => _loaded.TrySetResult();
}
