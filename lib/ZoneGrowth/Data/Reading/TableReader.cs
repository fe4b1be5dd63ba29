namespace ZoneGrowth.Data.Reading;

/// <summary>Reads a CSV or .xlsx file, chosen by its extension.</summary>
internal static class TableReader
{
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".csv", ".xlsx"];

    public static RawTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(DataMessages.FileNotFound(path), path);
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => CsvTableReader.Read(path),
            ".xlsx" => XlsxTableReader.Read(path),
            var other => new RawTable(path, false, null, [], [new ValidationIssue(
                new SourceLocation(path, 1), other, DataMessages.UnsupportedExtensionRule, DataMessages.UnsupportedExtensionAdvice)]),
        };
    }
}
