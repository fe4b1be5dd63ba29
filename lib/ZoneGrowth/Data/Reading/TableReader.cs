namespace ZoneGrowth.Data.Reading;

/// <summary>Reads a CSV or .xlsx file, chosen by its extension.</summary>
internal static class TableReader
{
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".csv", ".xlsx"];

    /// <summary>
    /// The file and worksheet a path names: <c>data.xlsx#Figures</c> is the worksheet "Figures" of
    /// data.xlsx (when no file has that whole name); any other path is a file, sheet null.
    /// </summary>
    public static (string File, string? Sheet) Split(string path)
    {
        var hash = path.LastIndexOf('#');
        return !File.Exists(path) && hash > 0 && path[..hash].EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && hash < path.Length - 1
            ? (path[..hash], path[(hash + 1)..])
            : (path, null);
    }

    public static RawTable Read(string path)
    {
        var (file, sheet) = Split(path);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException(DataMessages.FileNotFound(file), file);
        }

        return Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".csv" => CsvTableReader.Read(file),
            ".xlsx" => XlsxTableReader.Read(file, sheet),
            var other => new RawTable(path, false, null, [], [new ValidationIssue(
                new SourceLocation(path, 1), other, DataMessages.UnsupportedExtensionRule, DataMessages.UnsupportedExtensionAdvice)]),
        };
    }
}
