using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace ZoneGrowth.Notebooks;

/// <summary>What happened when one cell ran.</summary>
internal sealed record CellExecution(JsonArray Outputs, bool Succeeded, bool TimedOut, string? ErrorName, string? ErrorMessage);

/// <summary>
/// One in-process C# kernel (inside a <see cref="CompositeKernel"/>), turning kernel events into nbformat outputs;
/// cleared between notebooks that declare the same packages (<see cref="TryClear"/>).
/// </summary>
internal sealed class KernelSession : IDisposable
{
    // The kernel forgets its submissions when its script state is null, as a new kernel does; the property's setter is
    // private and there is no public reset. That was verified on one version of the package only (ClearingVerifiedOn,
    // which a test holds equal to Directory.Packages.props): on any other, or should the setter be missing, the
    // runner builds a new kernel for each notebook instead.
    private static readonly MethodInfo? ScriptStateSetter = typeof(CSharpKernel).GetProperty(nameof(CSharpKernel.ScriptState))?.SetMethod;

    /// <summary>The version of Microsoft.DotNet.Interactive.CSharp on which clearing a kernel was verified (KernelClearingTests).</summary>
    internal const string ClearingVerifiedOn = "1.0.0-beta.26120.1";

    /// <summary>The version of the C# kernel loaded (its informational version, without the commit).</summary>
    internal static string KernelVersion { get; } =
        (typeof(CSharpKernel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? string.Empty).Split('+')[0];

    /// <summary>Whether <see cref="TryClear"/> can clear a kernel of the version loaded: the one it was verified on, with the setter in place.</summary>
    internal static bool CanClear => ScriptStateSetter is not null && KernelVersion == ClearingVerifiedOn;

    /// <summary>What <c>UseKernelHelpers()</c> submits: the kernel's helpers (<c>display</c>, ...) for every later cell.</summary>
    internal const string KernelHelpersImport = "using static Microsoft.DotNet.Interactive.Kernel;";

    private readonly CompositeKernel _kernel;
    private readonly CSharpKernel _csharp;

    // The packages' notebook extensions loaded so far, run again after the kernel is cleared (the runner resets the
    // formatters they register before each notebook).
    private readonly List<(IKernelExtension Extension, ResolvedPackageReference Package)> _extensions = [];
    private bool _extensionsToRunAgain;
    private readonly ConcurrentQueue<ResolvedPackageReference> _addedPackages = new();
    private readonly HashSet<string> _extensionDirectoriesLoaded = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;
    private readonly object _gate = new();

    // Outputs by display value id, across cells: DisplayedValueUpdated replaces an earlier output in place.
    private readonly Dictionary<string, JsonObject> _outputsByValueId = new(StringComparer.Ordinal);
    // Value ids of package-installation progress displays, whose updates are dropped as well.
    private readonly HashSet<string> _noiseValueIds = new(StringComparer.Ordinal);
    private CellCapture? _current;

    public KernelSession()
    {
        // No UseKernelHelpers(): it imports the kernel's helpers (display, ...) in a submission of its own, compiled
        // before the first command; the warm-up imports them in its own submission instead (KernelHelpersImport).
        var csharp = new CSharpKernel()
            .UseNugetDirective(
                (kernel, references) =>
                {
                    kernel.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                    foreach (var reference in references)
                    {
                        _addedPackages.Enqueue(reference);
                    }

                    return Task.CompletedTask;
                });

        _csharp = csharp;
        _kernel = new CompositeKernel { csharp };
        _kernel.DefaultKernelName = csharp.Name;

        // Packages' notebook extensions (interactive-extensions/dotnet/*.dll) are loaded by the stock
        // dotnet-interactive tool, not by the kernel packages: after any command (the #r's restore is a child
        // command), load the extensions of newly added packages, so code later in the same cell sees them.
        _kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            await LoadPendingExtensionsAsync(context);
        });

        _subscription = _kernel.KernelEvents.Subscribe(OnKernelEvent);
    }

    public async Task<CellExecution> ExecuteAsync(string code, int executionCount, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var capture = new CellCapture(executionCount);
        lock (_gate)
        {
            _current = capture;
        }

        var command = new SubmitCode(code, Ipynb.CSharpKernelName);
        using var commandCancellation = new CancellationTokenSource();
        var send = _kernel.SendAsync(command, commandCancellation.Token);
        string? stopReason = null;
        try
        {
            var finished = await Task.WhenAny(send, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
            if (finished != send)
            {
                stopReason = cancellationToken.IsCancellationRequested ? NotebookMessages.CellCancelled : NotebookMessages.CellTimedOut(timeout);

                // Cancelling the command's token cancels its KernelInvocationContext; the Cancel command also
                // cancels whatever the kernel scheduler runs. Roslyn scripting only observes cancellation between
                // submissions, so code that never yields keeps running on its thread: we stop waiting for it.
                await commandCancellation.CancelAsync().ConfigureAwait(false);
                _ = _kernel.SendAsync(new Cancel());
                await Task.WhenAny(send, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (send.IsFaulted || e is OperationCanceledException)
        {
            stopReason ??= e.Message;
        }
        finally
        {
            lock (_gate)
            {
                _current = null;
            }
        }

        lock (_gate)
        {
            if (stopReason is not null)
            {
                var name = cancellationToken.IsCancellationRequested ? "RunCancelled" : "CellTimeout";
                capture.Outputs.Add(ErrorOutput(name, stopReason, [stopReason]));
                return new CellExecution(capture.Outputs, false, !cancellationToken.IsCancellationRequested, name, stopReason);
            }

            if (send.IsCompletedSuccessfully && capture.Failure is null)
            {
                // Failure of the root command is also in the result's events when it was not observed live.
                capture.Failure = send.Result.Events.OfType<CommandFailed>().FirstOrDefault();
            }
            else if (!send.IsCompletedSuccessfully && capture.Failure is null)
            {
                // The kernel itself threw (or never finished): report it rather than a silent success.
                var exception = send.Exception?.GetBaseException() ?? new InvalidOperationException(NotebookMessages.KernelDidNotComplete);
                capture.Failure = new CommandFailed(exception, command, exception.Message);
            }

            if (capture.Failure is { } failed)
            {
                var (name, message, traceback) = Describe(failed);
                capture.Outputs.Add(ErrorOutput(name, message, traceback));
                return new CellExecution(capture.Outputs, false, false, name, message);
            }

            return new CellExecution(capture.Outputs, true, false, null, null);
        }
    }

    private void OnKernelEvent(KernelEvent e)
    {
        lock (_gate)
        {
            var capture = _current;
            switch (e)
            {
                case DisplayedValueProduced or DisplayedValueUpdated when ((DisplayEvent)e).Value is InstallPackagesMessage:
                    // #r "nuget:..." shows "Installing package..." and then an "Installed Packages" list by
                    // displaying an InstallPackagesMessage and updating it: noise in an executed report.
                    if (((DisplayEvent)e).ValueId is { } noiseId)
                    {
                        _noiseValueIds.Add(noiseId);
                    }

                    break;

                case DisplayedValueUpdated updated:
                    if (updated.ValueId is { } id && !_noiseValueIds.Contains(id) && _outputsByValueId.TryGetValue(id, out var existing))
                    {
                        existing["data"] = MimeBundle(updated.FormattedValues);
                    }

                    break;

                case DisplayedValueProduced displayed when capture is not null:
                    if (MimeBundle(displayed.FormattedValues) is { Count: > 0 } data)
                    {
                        var output = new JsonObject { ["output_type"] = "display_data", ["data"] = data, ["metadata"] = new JsonObject() };
                        capture.Outputs.Add(output);
                        if (displayed.ValueId is { } valueId)
                        {
                            _outputsByValueId[valueId] = output;
                        }
                    }

                    break;

                case ReturnValueProduced returned when capture is not null:
                    if (MimeBundle(returned.FormattedValues) is { Count: > 0 } result)
                    {
                        capture.Outputs.Add(new JsonObject
                        {
                            ["output_type"] = "execute_result",
                            ["execution_count"] = capture.ExecutionCount,
                            ["data"] = result,
                            ["metadata"] = new JsonObject(),
                        });
                    }

                    break;

                case StandardOutputValueProduced stdout when capture is not null:
                    capture.AppendStream("stdout", PlainText(stdout.FormattedValues));
                    break;

                case StandardErrorValueProduced stderr when capture is not null:
                    capture.AppendStream("stderr", PlainText(stderr.FormattedValues));
                    break;

                case ErrorProduced error when capture is not null:
                    capture.AppendStream("stderr", error.Message.EndsWith('\n') ? error.Message : error.Message + "\n");
                    break;

                case CommandFailed failed when capture is not null:
                    // The root SubmitCode's failure is the one to report; keep the first one seen.
                    capture.Failure ??= failed;
                    break;
            }
        }
    }

    /// <summary>
    /// Clears the kernel for another notebook that declares the same packages, as if it were new: Roslyn starts a new
    /// submission chain (no variable, type or using of the earlier cells is visible; the warm-up imports the kernel's
    /// helpers again), and the packages' extensions run again after the next command.
    /// The restored packages and their references stay, which is what makes it faster than a new kernel.
    /// </summary>
    /// <returns><c>false</c> when this version of the kernel cannot be cleared (<see cref="CanClear"/>): use a new one.</returns>
    public bool TryClear()
    {
        if (!CanClear)
        {
            return false;
        }

        ScriptStateSetter!.Invoke(_csharp, [null]);
        lock (_gate)
        {
            _outputsByValueId.Clear();
            _noiseValueIds.Clear();
        }

        _extensionsToRunAgain = _extensions.Count > 0;
        return true;
    }

    private async Task LoadPendingExtensionsAsync(KernelInvocationContext context)
    {
        if (_extensionsToRunAgain)
        {
            _extensionsToRunAgain = false;
            foreach (var (extension, package) in _extensions)
            {
                if (!await RunExtensionAsync(extension, package, context).ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        while (_addedPackages.TryDequeue(out var package))
        {
            if (string.IsNullOrEmpty(package.PackageRoot))
            {
                continue;
            }

            var directory = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
            if (!Directory.Exists(directory) || !_extensionDirectoriesLoaded.Add(directory))
            {
                continue;
            }

            foreach (var dll in Directory.GetFiles(directory, "*.dll").Order(StringComparer.Ordinal))
            {
                List<Type> types;
                try
                {
                    types = LoadAssembly(dll).GetExportedTypes()
                        .Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
                        .ToList();
                }
                catch (Exception e)
                {
                    context.Fail(context.Command, e, NotebookMessages.ExtensionFailed(Path.GetFileName(dll), package.PackageName, package.PackageVersion, e.Message));
                    return;
                }

                foreach (var type in types)
                {
                    IKernelExtension extension;
                    try
                    {
                        extension = (IKernelExtension)Activator.CreateInstance(type)!;
                    }
                    catch (Exception e)
                    {
                        context.Fail(context.Command, e, NotebookMessages.ExtensionFailed(type.FullName ?? type.Name, package.PackageName, package.PackageVersion, e.Message));
                        return;
                    }

                    _extensions.Add((extension, package));
                    if (!await RunExtensionAsync(extension, package, context).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }
        }
    }

    private async Task<bool> RunExtensionAsync(IKernelExtension extension, ResolvedPackageReference package, KernelInvocationContext context)
    {
        try
        {
            await extension.OnLoadAsync(_kernel).ConfigureAwait(false);
            context.Publish(new KernelExtensionLoaded(extension, context.Command));
            return true;
        }
        catch (Exception e)
        {
            context.Fail(context.Command, e, NotebookMessages.ExtensionFailed(extension.GetType().FullName ?? extension.GetType().Name, package.PackageName, package.PackageVersion, e.Message));
            return false;
        }
    }

    private static Assembly LoadAssembly(string path)
    {
        // The same extension may have been loaded by an earlier notebook in this process: reuse it (loading a
        // second copy with the same name into the default context fails).
        var name = AssemblyName.GetAssemblyName(path);
        var loaded = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name) && a.GetName().Version == name.Version);
        return loaded ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }

    private static JsonObject MimeBundle(IReadOnlyCollection<FormattedValue> values)
    {
        var data = new JsonObject();
        foreach (var value in values)
        {
            if (value.SuppressDisplay || data.ContainsKey(value.MimeType))
            {
                continue;
            }

            data[value.MimeType] = IsJsonMimeType(value.MimeType)
                ? ParseJsonOrString(value.Value)
                : IsTextLike(value.MimeType)
                    ? Ipynb.ToLines(value.Value.Replace("\r\n", "\n", StringComparison.Ordinal)) // stable across platforms
                    : JsonValue.Create(value.Value);
        }

        return data;
    }

    // nbformat stores application/json and application/*+json as JSON, other mime types as (multiline) strings.
    private static bool IsJsonMimeType(string mimeType) =>
        mimeType.StartsWith("application/", StringComparison.Ordinal) &&
        (mimeType.EndsWith("/json", StringComparison.Ordinal) || mimeType.EndsWith("+json", StringComparison.Ordinal));

    private static bool IsTextLike(string mimeType) =>
        mimeType.StartsWith("text/", StringComparison.Ordinal) || mimeType is "image/svg+xml" or "application/javascript";

    private static JsonNode? ParseJsonOrString(string text)
    {
        try
        {
            return JsonNode.Parse(text) ?? JsonValue.Create(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private static string PlainText(IReadOnlyCollection<FormattedValue> values) =>
        string.Concat(values.Where(v => v.MimeType == PlainTextFormatter.MimeType).Select(v => v.Value));

    private static (string Name, string Message, IReadOnlyList<string> Traceback) Describe(CommandFailed failed)
    {
        var exception = failed.Exception;
        if (exception is null or CodeSubmissionCompilationErrorException)
        {
            // Compilation errors: the message is the compiler's diagnostics, one per line.
            var text = string.IsNullOrWhiteSpace(failed.Message) ? exception?.Message ?? "Cell failed." : failed.Message;
            return (exception is null ? "Error" : "CompilationError", text, SplitLines(text));
        }

        // Runtime exceptions: as Jupyter kernels do, the message is the exception's and the traceback its text.
        return (exception.GetType().Name, exception.Message, SplitLines(exception.ToString()));

        static string[] SplitLines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
    }

    internal static JsonObject ErrorOutput(string name, string message, IReadOnlyList<string> traceback) => new()
    {
        ["output_type"] = "error",
        ["ename"] = name,
        ["evalue"] = message,
        ["traceback"] = new JsonArray(traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
    };

    public void Dispose()
    {
        _subscription.Dispose();
        _kernel.Dispose();
    }

    private sealed class CellCapture(int executionCount)
    {
        public int ExecutionCount { get; } = executionCount;
        public JsonArray Outputs { get; } = [];
        public CommandFailed? Failure { get; set; }

        public void AppendStream(string name, string text)
        {
            if (text.Length == 0)
            {
                return;
            }

            // Consecutive writes to the same stream form one output, as in Jupyter.
            if (Outputs.Count > 0 && Outputs[^1] is JsonObject last && (string?)last["output_type"] == "stream" && (string?)last["name"] == name)
            {
                var combined = Ipynb.Text(last["text"]) + text;
                last["text"] = Ipynb.ToLines(combined);
                return;
            }

            Outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = Ipynb.ToLines(text) });
        }
    }
}
