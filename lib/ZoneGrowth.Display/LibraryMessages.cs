using System.Globalization;

namespace ZoneGrowth.Display;

/// <summary>Every message about the library a notebook loads, written once.</summary>
internal static class LibraryMessages
{
    /// <summary>The command that rebuilds the library, run from the repository root.</summary>
    public const string BuildCommand = "dotnet build ZoneGrowth.slnx";

    public const string ManifestWithoutProject =
        "The source manifest names no project file (*.csproj); lib/SourceManifest.targets writes one line per source file and the project file. Rebuild the library.";

    public static string ManifestLine(string line) =>
        Invariant($"The source manifest line \"{line}\" is not \"SHA-256, two spaces, path\" as lib/SourceManifest.targets writes it. Rebuild the library.");

    /// <summary>One sentence: which library, which source differs and how, and the command that fixes it.</summary>
    public static string Stale(string library, SourceChange change, string root)
    {
        var what = change.Kind switch
        {
            SourceChangeKind.Changed => $"was built before {change.Path} changed",
            SourceChangeKind.Added => $"was built before {change.Path} was added",
            _ => $"was built with {change.Path}, which has since been removed",
        };
        var others = change.OtherFiles switch
        {
            0 => string.Empty,
            1 => " (and 1 other source file)",
            _ => Invariant($" (and {change.OtherFiles} other source files)"),
        };
        return Invariant($"The workbook library {library} {what}{others}: run `{BuildCommand}` in {root}, then restart the kernel (or the run command) and run the notebook again.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
