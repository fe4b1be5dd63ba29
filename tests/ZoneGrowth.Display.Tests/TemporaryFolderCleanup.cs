namespace ZoneGrowth.Display.Tests;

/// <summary>Deletes the fixture notebook's temporary folder after the run; set KEEP_NOTEBOOK_OUTPUTS=1 to inspect it.</summary>
public sealed class TemporaryFolderCleanup : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KEEP_NOTEBOOK_OUTPUTS") is null && Directory.Exists(NotebookTests.Root))
        {
            Directory.Delete(NotebookTests.Root, recursive: true);
        }
    }
}
