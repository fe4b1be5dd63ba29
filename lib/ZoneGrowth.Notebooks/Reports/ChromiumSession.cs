using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// One headless, offline Chromium kept open for a run and driven over its DevTools protocol: pages are loaded into
/// tabs (<see cref="ChromiumTab"/>), scripts evaluated with their promises awaited, and pages printed to PDF, without
/// a browser launch per page and without waiting out a virtual-time budget (the command-line <c>--dump-dom</c> and
/// <c>--print-to-pdf</c> need one launch per page and cannot tell when a page's scripts have finished).
/// </summary>
/// <remarks>
/// The browser listens on a loopback port the system picks (<c>--remote-debugging-port=0</c>) and prints its address
/// on stderr; the session connects one WebSocket to it and attaches to each tab it opens with a flat session, so
/// that every tab's commands and events share the socket. The browser's own requests still go to a dead proxy
/// (<see cref="HeadlessChromium"/>), so pages load nothing from the network. A step (a load, an evaluation, a print)
/// that outlives its limit, or the caller's cancellation, kills the browser and ends the session.
/// </remarks>
internal sealed partial class ChromiumSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _life;
    private readonly CancellationToken _cancellation;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentDictionary<string, ChromiumTab> _tabs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private Task? _receiving;
    private int _nextId;
    private string? _lastLog;
    private TimeSpan? _timedOut;

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex Listening();

    private ChromiumSession(Process process, DirectoryInfo profile, CancellationTokenSource life, CancellationToken cancellation)
    {
        _process = process;
        _profile = profile;
        _life = life;
        _cancellation = cancellation;
        // The caller's cancellation or a step over its limit ends the session: the browser is killed at once.
        life.Token.Register(KillQuietly);
    }

    /// <summary>The tab opened with the browser.</summary>
    public ChromiumTab Tab { get; private set; } = null!;

    /// <summary>Starts the browser and opens its first tab (<see cref="Tab"/>).</summary>
    /// <param name="browser">The Chromium executable.</param>
    /// <param name="timeout">Longest the start may take; the browser is killed after that.</param>
    /// <param name="cancellationToken">Kills the browser.</param>
    /// <exception cref="ChromiumException">It could not start, or did not offer its DevTools address.</exception>
    public static async Task<ChromiumSession> StartAsync(string browser, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("zonegrowth-chromium-");
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in HeadlessChromium.SessionArguments(profile.FullName))
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
            DeleteQuietly(profile);
            throw new ChromiumException(ReportMessages.ChromiumDidNotStart(browser, e.Message));
        }

        var session = new ChromiumSession(process, profile, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken), cancellationToken);
        try
        {
            process.StandardInput.Close();
            _ = Drain(process.StandardOutput);
            session.Tab = await session.Step(timeout, async token =>
            {
                var address = await session.ReadAddressAsync(token).ConfigureAwait(false);
                await session._socket.ConnectAsync(new Uri(address), token).ConfigureAwait(false);
                session._receiving = Task.Run(session.ReceiveAsync, CancellationToken.None);
                return await session.OpenTabAsync(token).ConfigureAwait(false);
            }).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the browser (killing it if it does not close) and deletes its profile.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open && !_life.IsCancellationRequested)
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var message = new JsonObject { ["id"] = Interlocked.Increment(ref _nextId), ["method"] = "Browser.close" };
                await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, close.Token).ConfigureAwait(false);
                await _process.WaitForExitAsync(close.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Killed below.
        }

        await _life.CancelAsync().ConfigureAwait(false);
        if (!_process.HasExited)
        {
            await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _socket.Dispose();
        if (_receiving is not null)
        {
            await _receiving.ConfigureAwait(false);
        }

        _process.Dispose();
        _life.Dispose();
        _sendGate.Dispose();
        DeleteQuietly(_profile);
    }

    /// <summary>
    /// Runs one step under its own limit: over the limit, the browser is killed and the session ends (a page that
    /// hangs would hold the tab, and its renderer a core, for the rest of the run).
    /// </summary>
    internal async Task<T> Step<T>(TimeSpan timeout, Func<CancellationToken, Task<T>> step)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_life.Token);
        limit.CancelAfter(timeout);
        try
        {
            return await step(limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            if (limit.IsCancellationRequested && !_life.IsCancellationRequested)
            {
                _timedOut = timeout;
                await _life.CancelAsync().ConfigureAwait(false);
            }

            throw Problem(e);
        }
    }

    /// <summary>Sends a command to the browser (<paramref name="sessionId"/> <c>null</c>) or a tab, and returns its result.</summary>
    /// <exception cref="ChromiumException">The browser refused the command.</exception>
    internal async Task<JsonObject> SendAsync(string method, JsonObject? parameters, string? sessionId, CancellationToken token)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }

        JsonObject answer;
        try
        {
            await _sendGate.WaitAsync(token).ConfigureAwait(false);
            try
            {
                await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, token).ConfigureAwait(false);
            }
            finally
            {
                _sendGate.Release();
            }

            answer = await reply.Task.WaitAsync(token).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }

        if (answer["error"] is JsonObject error)
        {
            throw new ChromiumException(ReportMessages.ChromiumCommandFailed(method, (string?)error["message"] ?? error.ToJsonString()));
        }

        return answer["result"] as JsonObject ?? [];
    }

    private async Task<ChromiumTab> OpenTabAsync(CancellationToken token)
    {
        // A window of its own: a tab behind another would be hidden, and a hidden page paints no frames.
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank", ["newWindow"] = true }, null, token).ConfigureAwait(false);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = (string?)target["targetId"], ["flatten"] = true }, null, token).ConfigureAwait(false);
        var tab = new ChromiumTab(this, (string?)attached["sessionId"] ?? throw new ChromiumException(ReportMessages.ChromiumCommandFailed("Target.attachToTarget", "no session")));
        _tabs[tab.SessionId] = tab;
        await SendAsync("Page.enable", null, tab.SessionId, token).ConfigureAwait(false);
        return tab;
    }

    /// <summary>What ended a step: the caller's cancellation, a step's limit, or the browser going away.</summary>
    private ChromiumException Problem(Exception e) =>
        new(_cancellation.IsCancellationRequested ? ReportMessages.ChartImagesCancelled
            : _timedOut is { } timeout ? ReportMessages.ChromiumTimedOut(timeout)
            : ReportMessages.ChromiumClosed(_lastLog ?? e.Message));

    private async Task<string> ReadAddressAsync(CancellationToken token)
    {
        while (await _process.StandardError.ReadLineAsync(token).ConfigureAwait(false) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                // The rest of stderr is drained so that the browser never blocks on a full pipe.
                _ = Drain(_process.StandardError);
                return match.Groups[1].Value;
            }

            if (line.Trim().Length > 0)
            {
                _lastLog = line.Trim();
            }
        }

        // Its stderr closed without an address: it exited (or is exiting), and its exit code says how.
        await _process.WaitForExitAsync(token).ConfigureAwait(false);
        throw new ChromiumException(ReportMessages.ChromiumFailed(_process.ExitCode, _lastLog ?? ReportMessages.ChromiumNoDevTools));
    }

    private static async Task Drain(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is not null)
            {
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The browser is gone.
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, _life.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                var json = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length)) as JsonObject;
                message.SetLength(0);
                if (json?["id"] is JsonValue idValue && idValue.TryGetValue<int>(out var id) && _pending.TryGetValue(id, out var waiting))
                {
                    waiting.TrySetResult(json);
                }
                else if ((string?)json?["method"] == "Page.loadEventFired" && (string?)json["sessionId"] is { } tab && _tabs.TryGetValue(tab, out var loaded))
                {
                    loaded.OnLoaded();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The browser closed or the session ended.
        }

        foreach (var waiting in _pending.Values)
        {
            waiting.TrySetCanceled();
        }
    }

    private void KillQuietly()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // Exited meanwhile.
        }
    }

    private static void DeleteQuietly(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A browser child still closing its profile: leave the temporary folder.
        }
    }
}
