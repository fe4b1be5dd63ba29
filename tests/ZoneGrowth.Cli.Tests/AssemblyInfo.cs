// The run verb executes notebooks in-process, which changes process-wide state (current directory, Console,
// formatters); the empty-folder test also changes the current directory. Tests must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
