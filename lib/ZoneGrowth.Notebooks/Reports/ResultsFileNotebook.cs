using ZoneGrowth.Data;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>One notebook's entry in <see cref="ResultsFile"/>.</summary>
/// <param name="Path">The notebook run, relative to the repository root when inside it.</param>
/// <param name="Title">Its title (<see cref="NotebookHeading"/>), or <c>null</c> in files written before titles were kept.</param>
/// <param name="Question">The question it asks, or <c>null</c>.</param>
/// <param name="Status">How its run ended (<c>"succeeded"</c> or <c>"failed"</c> in the file).</param>
/// <param name="DurationSeconds">Wall-clock time of the notebook.</param>
/// <param name="Failure">Notebook, cell and error when it failed, else <c>null</c>.</param>
/// <param name="DataFiles">Data files it published as read (each in the form of <see cref="PublicationContract"/>).</param>
/// <param name="Results">Key figures it published (each in the form of <see cref="PublicationContract"/>, numbers as read).</param>
/// <param name="Answer">The answer it published, or <c>null</c>.</param>
public sealed record ResultsFileNotebook(
    string Path,
    string? Title,
    string? Question,
    NotebookRunStatus Status,
    double DurationSeconds,
    string? Failure,
    IReadOnlyList<DataFileInfo> DataFiles,
    IReadOnlyList<PublishedResult> Results,
    PublishedAnswer? Answer = null);
