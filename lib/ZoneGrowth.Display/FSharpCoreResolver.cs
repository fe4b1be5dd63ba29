using System.Reflection;
using System.Runtime.Loader;

namespace ZoneGrowth.Display;

/// <summary>
/// Answers a failed load of FSharp.Core with the FSharp.Core already in the process. The stock
/// .NET Interactive kernel ships FSharp.Core 10.0.0.0 while Plotly.NET 6.0.0 asks for 10.1.0.0;
/// without this, displaying a chart fails with <see cref="FileNotFoundException"/>. Nothing here
/// touches F# types, so installing it never loads FSharp.Core itself.
/// </summary>
internal static class FSharpCoreResolver
{
    private const string FSharpCore = "FSharp.Core";
    private static readonly Lock Gate = new();
    private static bool installed;

    [ThreadStatic]
    private static bool resolving;

    /// <summary>Whether the handler is installed in this process.</summary>
    public static bool IsInstalled
    {
        get
        {
            lock (Gate)
            {
                return installed;
            }
        }
    }

    /// <summary>Installs the handler on the default load context once; later calls do nothing.</summary>
    /// <returns>True when this call installed it.</returns>
    public static bool Install()
    {
        lock (Gate)
        {
            if (installed)
            {
                return false;
            }

            AssemblyLoadContext.Default.Resolving += Resolve;
            installed = true;
            return true;
        }
    }

    /// <summary>
    /// The handler: for a request of FSharp.Core (any version), the highest version already
    /// loaded in the default context; when none is loaded yet, the one the application ships
    /// (a load by simple name). Null for any other assembly.
    /// </summary>
    internal static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (!string.Equals(name.Name, FSharpCore, StringComparison.OrdinalIgnoreCase) || resolving)
        {
            return null;
        }

        var loaded = AssemblyLoadContext.Default.Assemblies
            .Where(a => string.Equals(a.GetName().Name, FSharpCore, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.GetName().Version)
            .FirstOrDefault();
        if (loaded is not null)
        {
            return loaded;
        }

        resolving = true;
        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(FSharpCore));
        }
        catch (IOException)
        {
            return null;
        }
        finally
        {
            resolving = false;
        }
    }
}
