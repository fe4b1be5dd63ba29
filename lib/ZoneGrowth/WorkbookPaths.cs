namespace ZoneGrowth;

/// <summary>
/// The one place that knows the workbook's paths (house style: cookiecutter's config.py). The
/// repository root is found by walking up from the working directory to the folder holding
/// <c>ZoneGrowth.slnx</c>, so notebooks (working directory <c>notebooks/</c>), the command line
/// and the tests all agree.
/// </summary>
public static class WorkbookPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string RootMarker = "ZoneGrowth.slnx";

    /// <summary>The repository root.</summary>
    /// <exception cref="DirectoryNotFoundException">Not inside the repository.</exception>
    public static string Root => FindRoot(Directory.GetCurrentDirectory())
        ?? FindRoot(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException(
            $"The workbook's repository (a folder holding {RootMarker}) was not found above {Directory.GetCurrentDirectory()}. Run from inside the repository, or give data and catalog paths explicitly.");

    /// <summary><c>data/</c>: hand-curated inputs, never written by code.</summary>
    public static string DataFolder => Path.Combine(Root, "data");

    /// <summary>The shipped data file, <c>data/hhz-indicators.csv</c>.</summary>
    public static string DefaultDataFile => Path.Combine(DataFolder, "hhz-indicators.csv");

    /// <summary>The indicator catalog, <c>data/indicators.csv</c>.</summary>
    public static string Catalog => Path.Combine(DataFolder, "indicators.csv");

    /// <summary>The zone catalog, <c>data/zones.csv</c> (read from beside whichever indicator catalog is used).</summary>
    public static string Zones => Path.Combine(DataFolder, Data.ZoneCatalog.FileName);

    /// <summary><c>notebooks/</c>: the narrative notebooks, in reading order.</summary>
    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    /// <summary><c>out/</c>: everything generated (executed notebooks, reports); not committed.</summary>
    public static string OutputFolder => Path.Combine(Root, "out");

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
