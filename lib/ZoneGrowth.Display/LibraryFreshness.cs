using System.Reflection;

namespace ZoneGrowth.Display;

/// <summary>
/// Whether the workbook's assemblies in this process were built from the sources of the clone
/// they sit in. Each assembly carries the SHA-256 of its sources (<see cref="SourceManifest"/>);
/// the clone is found by walking up from the assembly's file to the folder holding
/// <c>ZoneGrowth.slnx</c>, and the same files are hashed again. A library used outside a clone
/// (no such folder, or loaded from bytes) is not checked.
/// </summary>
/// <remarks>
/// A stale library stops the notebook (<see cref="StaleLibraryException"/>) rather than printing a
/// warning: under Run All a warning scrolls away while every later cell displays, and publishes
/// into results.json, numbers computed by code that is not the code on disk. An economist must not
/// publish those without being told, and stopping at the setup cell is the one way to be sure they
/// are; the fix is one build and a kernel restart. Content hashes, not timestamps: a git checkout
/// touches the times of files it leaves unchanged. Cost: hashing the ~140 files takes a few
/// milliseconds (docs/notebooks.md).
/// </remarks>
internal static class LibraryFreshness
{
    /// <summary>The workbook's two assemblies: the library and its display layer.</summary>
    public static IReadOnlyList<Assembly> WorkbookAssemblies => [typeof(WorkbookPaths).Assembly, typeof(Workbook).Assembly];

    /// <summary>Throws when an assembly of the workbook in this process is older than its sources.</summary>
    /// <exception cref="StaleLibraryException">Names the first file that differs and the command that fixes it.</exception>
    public static void ThrowIfStale()
    {
        foreach (var assembly in WorkbookAssemblies)
        {
            if (Problem(assembly) is { } message)
            {
                throw new StaleLibraryException(message);
            }
        }
    }

    /// <summary>
    /// One sentence saying how <paramref name="assembly"/> differs from the sources of its clone,
    /// with the command that fixes it; null when it matches, or when it cannot be checked (not in
    /// a clone, or built without a manifest).
    /// </summary>
    public static string? Problem(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var location = assembly.Location;
        if (FindRepositoryRoot(location) is not { } root || SourceManifest.Of(assembly) is not { } manifest)
        {
            return null;
        }

        return manifest.FirstChange(root) is { } change
            ? LibraryMessages.Stale(Path.GetRelativePath(root, location).Replace('\\', '/'), change, root)
            : null;
    }

    /// <summary>The nearest folder above <paramref name="assemblyLocation"/> holding <see cref="WorkbookPaths.RootMarker"/>; null when none (or no location).</summary>
    public static string? FindRepositoryRoot(string? assemblyLocation)
    {
        if (string.IsNullOrEmpty(assemblyLocation))
        {
            return null;
        }

        for (var folder = new FileInfo(assemblyLocation).Directory; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, WorkbookPaths.RootMarker)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
