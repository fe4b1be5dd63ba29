// Notebooks change process-wide state (current directory, Console, formatters): the runner serializes them,
// and tests that observe that state must not overlap with a running notebook.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
