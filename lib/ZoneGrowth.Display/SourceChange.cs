namespace ZoneGrowth.Display;

/// <summary>The first source file (in ordinal path order) that differs from an assembly's build.</summary>
/// <param name="Path">The file, relative to the repository root, with '/' separators.</param>
/// <param name="Kind">How it differs.</param>
/// <param name="OtherFiles">How many further files differ.</param>
internal sealed record SourceChange(string Path, SourceChangeKind Kind, int OtherFiles);
