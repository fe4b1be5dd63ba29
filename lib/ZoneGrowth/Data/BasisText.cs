using System.Globalization;

namespace ZoneGrowth.Data;

/// <summary>
/// How statistical bases and lists of years read in names and sentences: the level-shift trend's, the audit's,
/// the outlook's and the displays'.
/// A basis is the data files' label: empty for the basis a figure was first published on, or a short label
/// such as <c>census5</c> (revised after the fifth national economic census).
/// </summary>
public static class BasisText
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <summary>"the basis first published", "the basis revised after the fifth national economic census" or "the basis x".</summary>
    public static string Describe(string basis) =>
        basis.Length == 0 ? "the basis first published" : CensusNumber(basis) is { } n ? $"the basis revised after the {Ordinals[n - 1]} national economic census" : $"the basis {basis}";

    /// <summary>The basis as a phrase after a figure: "as first published", "revised after the fifth national economic census".</summary>
    public static string Phrase(string basis) =>
        basis.Length == 0 ? "as first published" : CensusNumber(basis) is { } n ? $"revised after the {Ordinals[n - 1]} national economic census" : "on basis " + basis;

    /// <summary>The census a basis label names, "the fifth national economic census" for census5; otherwise "basis x".</summary>
    public static string Census(string basis) =>
        CensusNumber(basis) is { } n ? $"the {Ordinals[n - 1]} national economic census" : "basis " + basis;

    /// <summary>Whether the label names a national economic census (<c>census5</c>), so that it reads by the census's name.</summary>
    public static bool NamesCensus(string basis) => CensusNumber(basis) is not null;

    /// <summary>The revision a basis stands for, as the object of a level shift: "the fifth census revision", "the basis first published", "basis x".</summary>
    public static string Revision(string basis) =>
        basis.Length == 0 ? "the basis first published" : CensusNumber(basis) is { } n ? $"the {Ordinals[n - 1]} census revision" : "basis " + basis;

    /// <summary>A brief name for a table cell: empty for the basis first published, "after the 5th census" for census5, else the label.</summary>
    public static string Brief(string basis)
    {
        if (CensusNumber(basis) is not { } n)
        {
            return basis;
        }

        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return string.Create(CultureInfo.InvariantCulture, $"after the {n}{suffix} census");
    }

    /// <summary>A short name for a label or legend: "first published", "after the 5th census", or the label itself.</summary>
    public static string Short(string basis) => basis.Length == 0 ? "first published" : Brief(basis);

    private static int? CensusNumber(string basis) =>
        Data.Bases.CensusNumber(basis) is { } n && n <= Ordinals.Length ? n : null;

    /// <summary>
    /// The name of the level-shift dummy of a basis, as a reader says it: "level after the 5th census", or "level on
    /// basis X" for a label that names no census (a coefficient's name in the regression table and its formula).
    /// </summary>
    public static string ParameterName(string basis) =>
        basis.Length == 0 ? "level first published" : CensusNumber(basis) is null ? "level on basis " + basis : "level " + Brief(basis);

    /// <summary>Years with consecutive runs joined: "2016–2018, 2020–2022, 2024".</summary>
    public static string Years(IEnumerable<int> years)
    {
        var sorted = years.Order().ToArray();
        var parts = new List<string>();
        int i = 0;
        while (i < sorted.Length)
        {
            int j = i;
            while (j + 1 < sorted.Length && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(j == i
                ? sorted[i].ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}–{sorted[j]}"));
            i = j + 1;
        }

        return string.Join(", ", parts);
    }
}
