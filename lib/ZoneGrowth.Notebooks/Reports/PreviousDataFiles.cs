using ZoneGrowth.Data;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// The previous vintage's data for the notebooks that ask for it: with <c>run --compare previous/results.json</c>, a
/// notebook that declares <c>string previousDataFile</c> in its cell tagged <c>parameters</c>, and was not given one
/// with <c>--param</c>, gets the path of a CSV written from the earlier <c>results.json</c>: the rows (<c>data_file_rows</c>)
/// of the first data file the same notebook read in that run (matched by notebook path, else by file name), with the
/// same header, in <c>{output}/previous/{file name}</c>. The path is absolute, which the workbook's path rule
/// (<see cref="WorkbookPaths.ResolveFrom"/>) uses as it is, wherever the notebook runs.
/// </summary>
internal static class PreviousDataFiles
{
    /// <summary>For each notebook, in order: the notebook as it will run, the CSV written for it and the line to print.</summary>
    /// <param name="notebooks">The plan's notebooks.</param>
    /// <param name="previous">The earlier vintage.</param>
    /// <param name="outputFolder">The run's output folder (full path); the files go to its <see cref="NotebookPipeline.PreviousDataFolder"/>.</param>
    /// <param name="displayPath">A notebook's path as <c>results.json</c> writes it.</param>
    public static IReadOnlyList<PreviousDataFileChoice> Apply(IReadOnlyList<PlannedNotebook> notebooks, PreviousResults previous, string outputFolder, Func<string, string> displayPath)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(previous);
        var folder = Path.Combine(outputFolder, NotebookPipeline.PreviousDataFolder);
        var bySha = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var taken = new HashSet<string>(OutputFolder.PathComparer);
        var choices = new List<PreviousDataFileChoice>();
        foreach (var planned in notebooks)
        {
            var parameter = planned.Source is null ? null : planned.Parameters.FirstOrDefault(p => p.Name == NotebookParameters.PreviousDataFileName);
            if (parameter is not { Type: NotebookParameterType.String, Injected: false })
            {
                choices.Add(new PreviousDataFileChoice(planned, null, null));
                continue;
            }

            var name = System.IO.Path.GetFileName(planned.Path);
            var own = displayPath(planned.Path);
            var entry = previous.File.Notebooks.FirstOrDefault(n => n.Path == own)
                ?? previous.File.Notebooks.FirstOrDefault(n => FileName(n.Path) == FileName(own));
            if (entry is null)
            {
                choices.Add(new PreviousDataFileChoice(planned, null, ReportMessages.PreviousDataFileNoNotebook(name, previous.Path, own)));
                continue;
            }

            if (entry.DataFiles.Count == 0)
            {
                choices.Add(new PreviousDataFileChoice(planned, null, ReportMessages.PreviousDataFileNoDataFile(name, previous.Path, entry.Path)));
                continue;
            }

            var file = entry.DataFiles[0];
            var rows = previous.File.DataFileRows.FirstOrDefault(s => string.Equals(s.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase));
            if (rows is null)
            {
                choices.Add(new PreviousDataFileChoice(planned, null, ReportMessages.PreviousDataFileNoRows(name, previous.Path, file.Path, file.Sha256)));
                continue;
            }

            if (!bySha.TryGetValue(rows.Sha256, out var csv))
            {
                csv = System.IO.Path.Combine(folder, CsvName(file, taken));
                try
                {
                    Directory.CreateDirectory(folder);
                    CsvText.Write(csv, rows.Header, rows.Rows.Select(r => r.Cells));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    choices.Add(new PreviousDataFileChoice(planned, null, ReportMessages.PreviousDataFileNotWritten(name, csv, e.Message)));
                    continue;
                }

                bySha[rows.Sha256] = csv;
            }

            var given = planned with
            {
                Parameters = planned.Parameters.Select(p => p == parameter ? new NotebookParameterValue(p.Name, p.Type, csv, csv, true) : p).ToList(),
            };
            choices.Add(new PreviousDataFileChoice(given, csv, ReportMessages.PreviousDataFileGiven(name, csv, rows.Rows.Count, file.Path, previous.Path)));
        }

        return choices;
    }

    /// <summary>
    /// The file's own name with the extension <c>.csv</c> (a worksheet's name after the workbook's: <c>a.xlsx#Sheet2</c>
    /// → <c>a-Sheet2.csv</c>); when another file of this run has that name, its hash's first 12 digits follow the name.
    /// </summary>
    private static string CsvName(DataFileInfo file, HashSet<string> taken)
    {
        var name = FileName(file.Path);
        var sheet = "";
        if (name.IndexOf('#', StringComparison.Ordinal) is var hash and > 0 && System.IO.Path.HasExtension(name[..hash]))
        {
            sheet = "-" + string.Concat(name[(hash + 1)..].Select(c => System.IO.Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
            name = name[..hash];
        }

        var stem = System.IO.Path.GetFileNameWithoutExtension(name) + sheet;
        var csv = stem + ".csv";
        if (!taken.Add(csv))
        {
            csv = stem + "-" + file.Sha256[..Math.Min(12, file.Sha256.Length)] + ".csv";
            taken.Add(csv);
        }

        return csv;
    }

    // results.json writes paths with '/' inside the repository and as the system writes them outside.
    private static string FileName(string path) => path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
}
