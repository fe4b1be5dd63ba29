using System.Security.Cryptography;
using ZoneGrowth.Notebooks.Reports;

namespace ZoneGrowth.Notebooks;

/// <summary>
/// A run's output folder: what earlier runs of the workbook wrote there (its <see cref="OutputManifest"/>), and, at the
/// end of the run, the removal of what they wrote and this run did not, so that no file of an older vintage stays beside
/// the new <c>index.html</c>.
/// </summary>
/// <remarks>
/// Only these files are ever removed: those the earlier manifest lists (with their hash when that run finished: a file
/// whose bytes have changed since is someone's own and is kept), and, in a folder without a manifest (written by an older
/// version) but with a <c>results.json</c> of the workbook, the outputs named after a notebook of the workbook (the
/// earlier <c>results.json</c>'s, the notebooks folder's or this run's): <c>{name}.ipynb</c>, <c>{name}.html</c> and
/// <c>{name}.pdf</c>. Never a notebook run or found in the notebooks folder, nor a file the run read (a
/// <c>*File</c> parameter, a data file, the <c>--compare</c> file): those stay listed for a later run.
/// </remarks>
internal sealed class OutputFolder
{
    /// <summary>How the file system compares paths (case-insensitive on Windows).</summary>
    public static StringComparer PathComparer { get; } = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static readonly string[] NotebookOutputs = [".ipynb", ".html", ".pdf"];

    private readonly string _folder;
    private readonly IReadOnlyList<OutputManifestEntry> _earlier;
    private readonly HashSet<string> _inputs;
    private HashSet<string> _intended = [];

    private OutputFolder(string folder, IReadOnlyList<OutputManifestEntry> earlier, HashSet<string> inputs)
    {
        _folder = folder;
        _earlier = earlier;
        _inputs = inputs;
    }

    /// <summary>
    /// Reads what earlier runs wrote into <paramref name="folder"/>: its manifest, else (a folder an older version wrote,
    /// with a <c>results.json</c>) the outputs of the notebooks known by name.
    /// </summary>
    /// <param name="folder">The output folder, full path.</param>
    /// <param name="notebooks">Full paths of this run's notebooks and of the workbook's notebooks folder: never removed,
    /// and their names are the workbook's outputs in a folder without a manifest.</param>
    /// <param name="repositoryRoot">What the notebook paths of an earlier <c>results.json</c> are relative to, or <c>null</c>.</param>
    public static OutputFolder Open(string folder, IEnumerable<string> notebooks, string? repositoryRoot)
    {
        var inputs = new HashSet<string>(notebooks.Select(Path.GetFullPath), PathComparer);
        if (OutputManifest.Load(folder) is { } manifest)
        {
            return new OutputFolder(folder, manifest.Files, inputs);
        }

        // An older version's folder: no manifest, but its results.json says which notebooks it ran.
        ResultsFile? results = null;
        try
        {
            var resultsPath = Path.Combine(folder, NotebookPipeline.ResultsFileName);
            results = File.Exists(resultsPath) ? ResultsFile.Load(resultsPath) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Not the workbook's results.json: nothing in the folder is known to be the workbook's.
        }

        if (results is null)
        {
            return new OutputFolder(folder, [], inputs);
        }

        var earlierNotebooks = results.Notebooks.Select(n => Path.IsPathRooted(n.Path) || repositoryRoot is null ? Path.GetFullPath(n.Path) : Path.GetFullPath(n.Path, repositoryRoot)).ToList();
        inputs.UnionWith(earlierNotebooks);
        var known = inputs.Select(Path.GetFileNameWithoutExtension).OfType<string>().Distinct(PathComparer);
        var entries = known.SelectMany(stem => NotebookOutputs.Select(extension => stem + extension))
            .Where(name => File.Exists(Path.Combine(folder, name)))
            .Select(name => new OutputManifestEntry(name, null, null))
            .ToList();
        return new OutputFolder(folder, entries, inputs);
    }

    /// <summary>
    /// Writes the manifest of a run that has started (<c>complete</c> false): the earlier entries and the files this run
    /// is about to write, so that a run stopped halfway leaves none of them untracked. An entry this run will rewrite
    /// loses its hash (its bytes will change).
    /// </summary>
    /// <returns>A note when the manifest could not be written, else <c>null</c>.</returns>
    public string? Begin(IEnumerable<string> intended, DateTimeOffset now)
    {
        // Not a notebook itself (an output folder that holds the notebooks: the run refuses to write over one).
        var names = intended.Select(Path.GetFullPath).Where(p => !_inputs.Contains(p)).Select(Relative).ToHashSet(PathComparer);
        _intended = names;
        var entries = _earlier.Where(e => !names.Contains(e.Path)).Concat(names.Select(n => new OutputManifestEntry(n, null, null))).ToList();
        return Write(new OutputManifest(false, now, entries));
    }

    /// <summary>
    /// Ends the run: removes each file an earlier run wrote and this one did not (unless it changed since or the run
    /// read it), then writes the manifest of what this run wrote.
    /// </summary>
    /// <param name="written">Full paths of every file this run wrote into the folder.</param>
    /// <param name="read">Full paths of the files the run read (never removed).</param>
    /// <param name="now">When the run finished.</param>
    public OutputFolderCleanup Finish(IEnumerable<string> written, IEnumerable<string> read, DateTimeOffset now)
    {
        var ours = written.Where(File.Exists).Select(Path.GetFullPath).Distinct(PathComparer).ToList();
        var writtenNames = ours.Select(Relative).ToHashSet(PathComparer);
        var keep = new HashSet<string>(read.Select(Path.GetFullPath), PathComparer);
        keep.UnionWith(_inputs);
        var removed = new List<string>();
        var kept = new List<string>();
        var notes = new List<string>();
        var carried = new List<OutputManifestEntry>();
        foreach (var entry in _earlier.Where(e => !writtenNames.Contains(e.Path)).OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            var path = Path.GetFullPath(Path.Combine(_folder, entry.Path));
            if (!File.Exists(path))
            {
                continue;
            }

            if (keep.Contains(path))
            {
                // Read by this run, or a notebook: still the earlier run's file, for a later run to judge.
                carried.Add(entry);
                continue;
            }

            try
            {
                // A file this run meant to write may have been touched by it (a page half written): the name decides.
                if (entry.Sha256 is { } sha256 && !_intended.Contains(entry.Path) && (new FileInfo(path).Length != entry.Bytes || !string.Equals(Sha256(path), sha256, StringComparison.OrdinalIgnoreCase)))
                {
                    kept.Add(path);
                    notes.Add(NotebookMessages.StaleOutputChanged(path, NotebookPipeline.ManifestFileName));
                    continue;
                }

                File.Delete(path);
                removed.Add(path);
                notes.Add(NotebookMessages.StaleOutputRemoved(path));
                RemoveEmptyFolders(Path.GetDirectoryName(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still the earlier run's: listed again, so that the next run tries again.
                carried.Add(entry);
                notes.Add(NotebookMessages.StaleOutputNotRemoved(path, e.Message));
            }
        }

        var entries = new List<OutputManifestEntry>(carried);
        foreach (var path in ours.Where(p => !PathComparer.Equals(Path.GetFileName(p), NotebookPipeline.ManifestFileName)))
        {
            try
            {
                entries.Add(new OutputManifestEntry(Relative(path), new FileInfo(path).Length, Sha256(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                entries.Add(new OutputManifestEntry(Relative(path), null, null));
            }
        }

        if (Write(new OutputManifest(true, now, entries)) is { } problem)
        {
            notes.Add(problem);
        }

        return new OutputFolderCleanup(removed, kept, notes);
    }

    private string? Write(OutputManifest manifest)
    {
        try
        {
            manifest.Write(_folder);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return NotebookMessages.ManifestNotWritten(Path.Combine(_folder, NotebookPipeline.ManifestFileName), e.Message);
        }
    }

    // A folder the removal emptied (previous/), up to the output folder itself, which stays.
    private void RemoveEmptyFolders(string? folder)
    {
        var root = Path.GetFullPath(_folder).TrimEnd(Path.DirectorySeparatorChar);
        while (folder is not null && !PathComparer.Equals(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar), root)
            && Path.GetFullPath(folder).StartsWith(root + Path.DirectorySeparatorChar, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
            && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder);
        }
    }

    private string Relative(string path) => Path.GetRelativePath(_folder, Path.GetFullPath(path)).Replace('\\', '/');

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
