namespace ZoneGrowth;

/// <summary>
/// The one place that knows the workbook's paths (house style: cookiecutter's config.py), and the one rule for a
/// relative path (<see cref="Resolve"/>). The repository root is found by walking up from the working directory to
/// the folder holding <c>ZoneGrowth.slnx</c>, else from the library's own folder, so notebooks (working directory
/// <c>notebooks/</c>), the command line and the tests all agree.
/// </summary>
/// <remarks>
/// The rule: a relative path given to the library (a data file, a catalog, a notebook's default
/// <c>dataFile = "data/hhz-indicators.csv"</c>) is relative to the workbook's root folder, wherever the code runs;
/// outside a checkout of the workbook, to the current directory. A path typed on the command line
/// (<c>run --param dataFile=x.csv</c>, <c>check x.csv</c>) is relative to the directory it is typed in: the command
/// makes it absolute before it reaches the library. An absolute path is used as is.
/// </remarks>
public static class WorkbookPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string RootMarker = "ZoneGrowth.slnx";

    /// <summary>The repository root.</summary>
    /// <exception cref="DirectoryNotFoundException">Not inside the repository.</exception>
    public static string Root => RootFor(Directory.GetCurrentDirectory())
        ?? throw new DirectoryNotFoundException(RootNotFound(Directory.GetCurrentDirectory()));

    /// <summary><c>data/</c>: hand-curated inputs, never written by code.</summary>
    public static string DataFolder => Path.Combine(Root, "data");

    /// <summary>The shipped data file, <c>data/hhz-indicators.csv</c>.</summary>
    public static string DefaultDataFile => Path.Combine(DataFolder, "hhz-indicators.csv");

    /// <summary>The indicator catalog, <c>data/indicators.csv</c>.</summary>
    public static string Catalog => Path.Combine(DataFolder, "indicators.csv");

    /// <summary>The zone catalog, <c>data/zones.csv</c> (read from beside whichever indicator catalog is used).</summary>
    public static string Zones => Path.Combine(DataFolder, "zones.csv");

    /// <summary><c>notebooks/</c>: the narrative notebooks, in reading order.</summary>
    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    /// <summary><c>out/</c>: everything generated (executed notebooks, reports); not committed.</summary>
    public static string OutputFolder => Path.Combine(Root, "out");

    /// <summary>A path by the workbook's rule: an absolute path as is; a relative one against <see cref="Root"/> (the current directory outside a checkout).</summary>
    public static string Resolve(string path) => ResolveFrom(path, Directory.GetCurrentDirectory());

    /// <summary>
    /// A path by the workbook's rule, for code that runs in <paramref name="start"/> (a folder, or a file in it, e.g. a
    /// notebook): an absolute path as is; a relative one against the checkout's root above <paramref name="start"/>,
    /// else above the library, else against <paramref name="start"/> itself.
    /// </summary>
    public static string ResolveFrom(string path, string start)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(start);
        return Path.IsPathRooted(path) ? Path.GetFullPath(path) : Path.GetFullPath(path, BaseFor(start).Folder);
    }

    /// <summary>How <see cref="Resolve"/> reads a path, for a message: "relative to the workbook's root folder, /work/main".</summary>
    public static string RuleFor(string path) => RuleFor(path, Directory.GetCurrentDirectory());

    /// <summary>How <see cref="ResolveFrom"/> reads a path from <paramref name="start"/>, for a message.</summary>
    public static string RuleFor(string path, string start)
    {
        if (Path.IsPathRooted(path))
        {
            return "an absolute path";
        }

        var (folder, isRoot) = BaseFor(start);
        return isRoot ? $"relative to the workbook's root folder, {folder}" : $"relative to {folder} (no workbook checkout above it)";
    }

    /// <summary>The root of the checkout holding <paramref name="start"/> (a folder or a file in it), or <c>null</c>.</summary>
    public static string? RootAbove(string start) => FindRoot(StartFolder(start));

    /// <summary>The checkout above <paramref name="start"/>, else the one the library was built in, else <c>null</c>.</summary>
    private static string? RootFor(string start) => RootAbove(start) ?? FindRoot(AppContext.BaseDirectory);

    private static (string Folder, bool IsRoot) BaseFor(string start) =>
        RootFor(start) is { } root ? (root, true) : (StartFolder(start), false);

    private static string StartFolder(string start)
    {
        var full = Path.GetFullPath(start);
        return Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full;
    }

    // The paths sit below every other namespace of the library (the data layer resolves its files here), so this
    // message is written here rather than in Data's messages.
    private static string RootNotFound(string currentDirectory) =>
        $"The workbook's repository (a folder holding {RootMarker}) was not found above {currentDirectory}. Run from inside the repository, or give data and catalog paths explicitly.";

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RootMarker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
