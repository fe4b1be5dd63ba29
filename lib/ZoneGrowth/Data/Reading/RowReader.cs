using System.Globalization;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Data.Reading;

/// <summary>
/// Reads the typed fields of one row, adding an issue for every field that breaks its rule, so
/// that all problems of a row are reported at once. Numbers are read in the invariant culture.
/// </summary>
internal sealed partial class RowReader(ColumnMap map, RawRow row, List<ValidationIssue> issues)
{
    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainYear();

    [GeneratedRegex(@"^\d{4}(-\d{2}(-\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PublicationDate();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex BasisLabel();

    public RawRow Row => row;

    private readonly int _issuesAtStart = issues.Count;

    /// <summary>Whether this row has added any issue so far.</summary>
    public bool HasIssues => issues.Count > _issuesAtStart;

    public string Text(string column) => map.Text(row, column);

    public SourceLocation Locate(string column) => map.Locate(row, column);

    public void Report(string column, string rule, string advice) =>
        issues.Add(new ValidationIssue(Locate(column), Text(column), rule, advice));

    /// <summary>A required text field; reports an empty cell.</summary>
    public string? Required(string column)
    {
        var text = Text(column);
        if (text.Trim().Length > 0)
        {
            return text;
        }

        Report(column, DataMessages.EmptyRule(column), DataMessages.EmptyAdvice(column));
        return null;
    }

    /// <summary>A plain decimal number; null (and an issue) when it is not one. Empty is allowed only when optional.</summary>
    public decimal? Number(string column, bool required)
    {
        var text = Text(column);
        if (text.Length == 0 && !required)
        {
            return null;
        }

        if (PlainNumber().IsMatch(text)
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Report(column, DataMessages.NotNumberRule(column), DataMessages.NumberAdvice);
        return null;
    }

    /// <summary>A plain four-digit year from 1900 to 2100.</summary>
    public int? Year(string column)
    {
        var text = Text(column);
        if (PlainYear().IsMatch(text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1900 and <= 2100)
        {
            return year;
        }

        Report(column, DataMessages.YearRule, DataMessages.YearAdvice);
        return null;
    }

    /// <summary>An optional publication date: YYYY, YYYY-MM or YYYY-MM-DD that is a real date.</summary>
    public string? Published(string column)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return text;
        }

        var formats = new[] { "yyyy", "yyyy-MM", "yyyy-MM-dd" };
        if (PublicationDate().IsMatch(text)
            && DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return text;
        }

        Report(column, DataMessages.PublishedRule, DataMessages.PublishedAdvice);
        return null;
    }

    /// <summary>An optional basis label: empty, or lower-case letters, digits and hyphens.</summary>
    public string? Basis(string column)
    {
        var text = Text(column);
        if (text.Length == 0 || BasisLabel().IsMatch(text))
        {
            return text;
        }

        Report(column, DataMessages.BasisRule, DataMessages.BasisAdvice);
        return null;
    }
}
