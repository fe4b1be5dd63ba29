namespace ZoneGrowth.Display;

/// <summary>How a source file differs from the one an assembly was built from.</summary>
internal enum SourceChangeKind
{
    /// <summary>The file's content is not the content the assembly was built from.</summary>
    Changed,

    /// <summary>The file exists now but was not among the sources of the build.</summary>
    Added,

    /// <summary>The file was among the sources of the build and exists no more.</summary>
    Removed,
}
