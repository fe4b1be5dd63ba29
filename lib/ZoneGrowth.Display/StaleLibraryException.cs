namespace ZoneGrowth.Display;

/// <summary>
/// Thrown by <see cref="Workbook.Setup"/> when the workbook library loaded in this process was not
/// built from the sources of the clone it sits in (a source changed, was added or removed since
/// the build). The message names the first such file and the command that fixes it.
/// </summary>
public sealed class StaleLibraryException : Exception
{
    /// <summary>Creates the exception with its one-sentence message.</summary>
    public StaleLibraryException(string message)
        : base(message)
    {
    }
}
