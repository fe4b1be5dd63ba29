namespace ZoneGrowth.Notebooks;

/// <summary>One notebook to run with <see cref="NotebookRunner.RunAsync"/>.</summary>
/// <param name="NotebookPath">The .ipynb to execute (never modified).</param>
/// <param name="OutputPath">Where to write the executed notebook; <c>null</c> for <c>&lt;name&gt;.executed.ipynb</c> next to the notebook.</param>
/// <param name="Parameters">Values for variables of the cell tagged <c>parameters</c>, as text (invariant culture);
/// typed once by the notebook's declarations (<see cref="NotebookParameters.Bind"/>).</param>
public sealed record NotebookRunRequest(
    string NotebookPath,
    string? OutputPath = null,
    IReadOnlyDictionary<string, string>? Parameters = null);
