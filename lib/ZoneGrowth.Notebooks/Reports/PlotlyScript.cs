using System.Collections.Concurrent;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// plotly.js, to embed in a report so that charts draw without a network. It is read at run time from the
/// Plotly.NET package (which embeds <c>plotly-&lt;version&gt;.min.js</c> as an assembly resource) rather than
/// shipped with the workbook.
/// </summary>
/// <param name="Version">The plotly.js version, e.g. <c>2.28.0</c>.</param>
/// <param name="Origin">Where it was read from (an assembly or file path).</param>
/// <param name="Text">The script.</param>
public sealed partial record PlotlyScript(string Version, string Origin, string Text)
{
    private static readonly ConcurrentDictionary<string, PlotlyScript> Cache = new(StringComparer.Ordinal);

    // One search at a time: pages rendered side by side would otherwise each read the 3.6 MB script.
    private static readonly Lock SearchGate = new();

    /// <summary>
    /// Finds plotly.js: the version asked for if any copy has it, else the highest version found. Looks in the
    /// Plotly.NET assemblies loaded in this process (a notebook that drew a chart loaded one), then in every
    /// <c>plotly.net/*/lib/*/Plotly.NET.dll</c> of the NuGet packages folder (<c>NUGET_PACKAGES</c>, else
    /// <c>~/.nuget/packages</c>). Results are cached for the process.
    /// </summary>
    /// <param name="version">The version the charts were made for, or <c>null</c> for any.</param>
    /// <returns>The script, or <c>null</c> when no copy was found.</returns>
    public static PlotlyScript? Find(string? version)
    {
        var key = version ?? "";
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        lock (SearchGate)
        {
            if (Cache.TryGetValue(key, out cached))
            {
                return cached;
            }

            // Not found is not cached: a notebook run later in this process may load Plotly.NET.
            var found = Search(version);
            return found is null ? null : Cache.GetOrAdd(key, found);
        }
    }

    /// <summary>Reads a plotly.js file given explicitly; the version is taken from its header comment.</summary>
    public static PlotlyScript FromFile(string path)
    {
        var text = File.ReadAllText(path);
        var version = HeaderVersion().Match(text) is { Success: true } m ? m.Groups[1].Value : "unknown";
        return new PlotlyScript(version, Path.GetFullPath(path), text);
    }

    /// <summary>Plotly.NET's resource name of plotly.js, e.g. <c>Plotly.NET.plotly-2.28.0.min.js</c>.</summary>
    [GeneratedRegex(@"plotly-(\d+\.\d+\.\d+)\.min\.js$")]
    private static partial Regex ResourceName();

    [GeneratedRegex(@"plotly\.js v(\d+\.\d+\.\d+)")]
    private static partial Regex HeaderVersion();

    private static PlotlyScript? Search(string? version)
    {
        var candidates = new List<(System.Version Number, string Text, Func<PlotlyScript> Load)>();
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "Plotly.NET" && !a.IsDynamic))
        {
            foreach (var name in assembly.GetManifestResourceNames())
            {
                if (ResourceName().Match(name) is { Success: true } m && System.Version.TryParse(m.Groups[1].Value, out var v))
                {
                    var origin = string.IsNullOrEmpty(assembly.Location) ? assembly.FullName ?? "Plotly.NET" : assembly.Location;
                    candidates.Add((v, m.Groups[1].Value, () => new PlotlyScript(m.Groups[1].Value, origin, ReadStream(assembly.GetManifestResourceStream(name)!))));
                }
            }
        }

        foreach (var dll in PackageAssemblies())
        {
            foreach (var (name, text) in ResourceNames(dll))
            {
                if (ResourceName().Match(name) is { Success: true } m && System.Version.TryParse(m.Groups[1].Value, out var v))
                {
                    candidates.Add((v, text, () => new PlotlyScript(text, dll, ReadResource(dll, name)!)));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var chosen = candidates.FirstOrDefault(c => c.Text == version);
        if (chosen.Load is null)
        {
            chosen = candidates.MaxBy(c => c.Number);
        }

        return chosen.Load();
    }

    private static IEnumerable<string> PackageAssemblies()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var package = Path.Combine(root, "plotly.net");
        if (!Directory.Exists(package))
        {
            return [];
        }

        return Directory.EnumerateDirectories(package)
            .Select(versionDir => Path.Combine(versionDir, "lib"))
            .Where(Directory.Exists)
            .SelectMany(lib => Directory.EnumerateFiles(lib, "Plotly.NET.dll", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string ReadStream(Stream stream)
    {
        using (stream)
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            return reader.ReadToEnd();
        }
    }

    // The package's assembly is read as data (System.Reflection.Metadata), never loaded: loading a second
    // Plotly.NET into the process could clash with the one a notebook loads.
    private static IEnumerable<(string Name, string Version)> ResourceNames(string assemblyPath)
    {
        var names = new List<(string, string)>();
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return names;
            }

            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.ManifestResources)
            {
                var name = metadata.GetString(metadata.GetManifestResource(handle).Name);
                if (ResourceName().Match(name) is { Success: true } m)
                {
                    names.Add((name, m.Groups[1].Value));
                }
            }
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            // not a readable assembly: skip it
        }

        return names;
    }

    internal static string? ReadResource(string assemblyPath, string resourceName)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || metadata.GetString(resource.Name) != resourceName)
            {
                continue;
            }

            // Embedded resources live in the CLI header's resources directory: a 4-byte length, then the bytes.
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress);
            var reader = block.GetReader((int)resource.Offset, block.Length - (int)resource.Offset);
            var length = reader.ReadInt32();
            var bytes = reader.ReadBytes(length);
            return Encoding.UTF8.GetString(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes);
        }

        return null;
    }
}
