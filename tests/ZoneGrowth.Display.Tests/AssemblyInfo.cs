using ZoneGrowth.Display.Tests;

// Formatters, the FSharp.Core handler, the current directory and Console are process-wide, and the
// notebook runner changes them: no two tests of this assembly may overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: AssemblyFixture(typeof(TemporaryFolderCleanup))]
