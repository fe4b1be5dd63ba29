using System.Reflection;
using System.Security.Cryptography;

namespace ZoneGrowth.Display;

/// <summary>
/// The sources an assembly was built from, as <c>lib/SourceManifest.targets</c> embeds them: one
/// line per file, <c>SHA-256 (hex)</c>, two spaces, the path relative to the repository root with
/// '/' separators. The files are the project file and the project's C# sources (generated code
/// under <c>obj/</c> left out); <see cref="FirstChange"/> applies the same rule to the files on
/// disk.
/// </summary>
internal sealed class SourceManifest
{
    /// <summary>The manifest's resource name in the assembly.</summary>
    public const string ResourceName = "ZoneGrowth.SourceManifest";

    private const string Separator = "  ";

    private readonly Dictionary<string, string> _hashes;

    private SourceManifest(string projectFolder, Dictionary<string, string> hashes)
    {
        ProjectFolder = projectFolder;
        _hashes = hashes;
    }

    /// <summary>The project's folder relative to the repository root (the folder of its project file).</summary>
    public string ProjectFolder { get; }

    /// <summary>The files listed, relative to the repository root.</summary>
    public IReadOnlyCollection<string> Files => _hashes.Keys;

    /// <summary>The manifest embedded in <paramref name="assembly"/>; null when it has none.</summary>
    public static SourceManifest? Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads the manifest's text.</summary>
    /// <exception cref="FormatException">A line is not <c>hash  path</c>, or no line names a project file.</exception>
    public static SourceManifest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        string? project = null;
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
        {
            var split = line.IndexOf(Separator, StringComparison.Ordinal);
            if (split <= 0 || split + Separator.Length >= line.Length)
            {
                throw new FormatException(LibraryMessages.ManifestLine(line));
            }

            var path = line[(split + Separator.Length)..];
            hashes[path] = line[..split];
            if (path.EndsWith(".csproj", StringComparison.Ordinal))
            {
                project = path;
            }
        }

        if (project is null)
        {
            throw new FormatException(LibraryMessages.ManifestWithoutProject);
        }

        var slash = project.LastIndexOf('/');
        return new SourceManifest(slash < 0 ? string.Empty : project[..slash], hashes);
    }

    /// <summary>
    /// Compares the listed files with those under <paramref name="repositoryRoot"/>: a listed file
    /// whose content differs (changed) or that is gone (removed), and a C# file now in the
    /// project's folder that was not listed (added; its <c>bin/</c> and <c>obj/</c> folders and
    /// hidden folders are not sources, as for the SDK). Returns the first in ordinal path order
    /// with the number of others, or null when every file is as built.
    /// </summary>
    public SourceChange? FirstChange(string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        var current = CurrentSources(repositoryRoot);
        var changes = new List<(string Path, SourceChangeKind Kind)>();
        foreach (var path in _hashes.Keys.Union(current).Order(StringComparer.Ordinal))
        {
            if (!_hashes.TryGetValue(path, out var built))
            {
                changes.Add((path, SourceChangeKind.Added));
                continue;
            }

            var full = Path.Combine(repositoryRoot, path);
            if (!File.Exists(full))
            {
                changes.Add((path, SourceChangeKind.Removed));
            }
            else if (!string.Equals(Hash(full), built, StringComparison.OrdinalIgnoreCase))
            {
                changes.Add((path, SourceChangeKind.Changed));
            }
        }

        return changes.Count == 0 ? null : new SourceChange(changes[0].Path, changes[0].Kind, changes.Count - 1);
    }

    /// <summary>The C# files of the project's folder, as the SDK's default Compile glob finds them.</summary>
    private IEnumerable<string> CurrentSources(string repositoryRoot)
    {
        var project = Path.Combine(repositoryRoot, ProjectFolder);
        if (!Directory.Exists(project))
        {
            return [];
        }

        var found = new List<string>();
        var pending = new Stack<(string Folder, bool IsProject)>([(project, true)]);
        while (pending.TryPop(out var entry))
        {
            found.AddRange(Directory.EnumerateFiles(entry.Folder, "*.cs").Select(f => Relative(repositoryRoot, f)));
            foreach (var folder in Directory.EnumerateDirectories(entry.Folder))
            {
                var name = Path.GetFileName(folder);
                if (name.StartsWith('.') || (entry.IsProject && name is "bin" or "obj"))
                {
                    continue;
                }

                pending.Push((folder, false));
            }
        }

        return found;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string? Hash(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return Convert.ToHexString(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable now: it cannot be shown to be the file the library was built from.
            return null;
        }
    }
}
