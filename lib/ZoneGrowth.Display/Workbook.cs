using System.Reflection;
using System.Runtime.CompilerServices;

namespace ZoneGrowth.Display;

/// <summary>The one call a notebook's setup cell makes after referencing the libraries.</summary>
public static class Workbook
{
    /// <summary>
    /// Prepares the notebook: (a) checks that the library loaded was built from the sources of the
    /// clone it sits in, and stops the notebook if not; (b) installs a handler so Plotly.NET charts
    /// display in the stock .NET Interactive kernel, whose FSharp.Core (10.0.0.0) is older than the
    /// one Plotly.NET 6.0.0 asks for (10.1.0.0); (c) registers the HTML formatters of the library's
    /// result types (<see cref="Html"/>); (d) makes charts display as plotly's figure JSON and a
    /// description, which front ends draw offline, instead of Plotly.NET.Interactive's script that
    /// fetches plotly.js from a CDN (<see cref="ChartOutput"/>). Safe to call again (re-running the
    /// cell): nothing is installed twice, and the sources are checked again.
    /// </summary>
    /// <exception cref="StaleLibraryException">A source of the library changed, was added or removed
    /// since it was built; the message names the file and the command that fixes it.</exception>
    public static void Setup()
    {
        // Stops rather than warns: see LibraryFreshness.
        LibraryFreshness.ThrowIfStale();
        // Separate, non-inlined methods: this method's body references no Plotly or F# type, so
        // JIT-compiling it cannot trigger the FSharp.Core load the handler is there to answer.
        InstallAssemblyResolver();
        RegisterFormatters();
        RegisterChartOutput();
    }

    /// <summary>Whether <see cref="Setup"/> has installed the FSharp.Core handler in this process.</summary>
    public static bool IsFSharpCoreHandlerInstalled => FSharpCoreResolver.IsInstalled;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void InstallAssemblyResolver() => FSharpCoreResolver.Install();

    // References Plotly.NET's GenericChart, so only after the FSharp.Core handler is in place.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterChartOutput() => ChartOutput.Register();

    /// <summary>
    /// The types a notebook displays as tables and prose: the parameter of every public <c>Html.Of</c> overload, which
    /// <see cref="Setup"/> registers by that convention. A new displayable type is one method, <c>Html.Of(NewType)</c>, in
    /// the renderer file of its domain; a test lists them.
    /// </summary>
    public static IReadOnlyList<Type> DisplayedTypes => Renderers.Select(r => r.Type).ToArray();

    private static readonly (Type Type, MethodInfo Of)[] Renderers = typeof(Html).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.Name == nameof(Html.Of) && m.ReturnType == typeof(string) && m.GetParameters().Length == 1)
        .Select(m => (m.GetParameters()[0].ParameterType, m))
        .OrderBy(r => Element(r.ParameterType).Namespace, StringComparer.Ordinal).ThenBy(r => Element(r.ParameterType).Name, StringComparer.Ordinal).ThenBy(r => r.ParameterType.IsGenericType)
        .ToArray();

    // A sequence sorts with what it holds: the domain's types together.
    private static Type Element(Type type) => type.IsGenericType ? type.GetGenericArguments()[0] : type;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterFormatters()
    {
        var register = typeof(Workbook).GetMethod(nameof(RegisterHtml), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var (type, of) in Renderers)
        {
            register.MakeGenericMethod(type).Invoke(null, [of.CreateDelegate(typeof(Func<,>).MakeGenericType(type, typeof(string)))]);
        }

        RegisterHtml<Table>(t => t.ToHtml());
        Results.EnsureFormatters();
    }

    /// <summary>
    /// Registers <paramref name="format"/> for HTML and its text (<see cref="PlainText"/>) for <c>text/plain</c>, and makes
    /// both what a value of <typeparamref name="T"/> displays, so Jupyter's console, plain-text viewers and diffs of a
    /// notebook get the table too.
    /// </summary>
    private static void RegisterHtml<T>(Func<T, string> format)
    {
        Results.EnsureFormatter(Results.HtmlMimeType, format);
        Results.EnsureFormatter<T>(Results.PlainTextMimeType, v => PlainText.From(format(v)));
        Microsoft.DotNet.Interactive.Formatting.Formatter.SetPreferredMimeTypesFor(typeof(T), Results.HtmlMimeType, Results.PlainTextMimeType);
    }
}
