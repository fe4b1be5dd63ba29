using ZoneGrowth.Notebooks.Tests;

// Notebooks change process-wide state (current directory, Console, formatters): the runner serializes them,
// and tests that observe that state must not overlap with a running notebook.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: AssemblyFixture(typeof(OutputCleanup))]

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>Deletes the executed notebooks after the run; set KEEP_NOTEBOOK_OUTPUTS=1 to inspect them.</summary>
public sealed class OutputCleanup : IDisposable
{
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KEEP_NOTEBOOK_OUTPUTS") is null && Directory.Exists(Notebooks.OutputRoot))
        {
            Directory.Delete(Notebooks.OutputRoot, recursive: true);
        }
    }
}
