namespace ZoneGrowth.Data.Reading;

/// <summary>Reads a CSV or .xlsx file, chosen by its extension.</summary>
internal static class TableReader
{
    /// <summary>
    /// The file and worksheet a path names: <c>data.xlsx#Figures</c> is the worksheet "Figures" of
    /// data.xlsx (when no file has that whole name); any other path is a file, sheet null.
    /// </summary>
    /// <remarks>The file is resolved by the workbook's rule (<see cref="WorkbookPaths.Resolve"/>).</remarks>
    public static (string File, string? Sheet) Split(string path, string? start = null)
    {
        var resolved = WorkbookPaths.ResolveFrom(path, start ?? Directory.GetCurrentDirectory());
        var hash = resolved.LastIndexOf('#');
        return !File.Exists(resolved) && hash > 0 && resolved[..hash].EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && hash < resolved.Length - 1
            ? (resolved[..hash], resolved[(hash + 1)..])
            : (resolved, null);
    }

    /// <summary>Why the file a path names cannot be found from <paramref name="start"/> (default: the current directory), or <c>null</c> when it exists.</summary>
    public static string? MissingFile(string path, string? start = null)
    {
        var (file, _) = Split(path, start);
        return File.Exists(file) ? null : DataMessages.FileNotFound(path, WorkbookPaths.RuleFor(path, start ?? Directory.GetCurrentDirectory()), file);
    }

    /// <summary>Reads the table a path names (resolved by the workbook's rule); its locations name the path as given.</summary>
    public static RawTable Read(string path)
    {
        var (file, sheet) = Split(path);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException(MissingFile(path)!, file);
        }

        var table = Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".csv" => CsvTableReader.Read(file),
            ".xlsx" => XlsxTableReader.Read(file, sheet),
            var other => new RawTable(file, false, null, [], [new ValidationIssue(
                new SourceLocation(file, 1), other, DataMessages.UnsupportedExtensionRule, DataMessages.UnsupportedExtensionAdvice)]),
        };

        // Messages name the file as the caller gave it ("data/hhz-indicators.csv:13"), not as resolved on this machine.
        return table.File == path ? table : table with
        {
            File = path,
            ReadIssues = table.ReadIssues.Select(i => i.Location.File == table.File ? i with { Location = i.Location with { File = path } } : i).ToArray(),
        };
    }
}
