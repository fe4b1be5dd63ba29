using System.Globalization;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Regression;

/// <summary>
/// How statistical bases and lists of years are written in the level-shift trend's names and sentences.
/// A basis is the data files' label: empty for the basis a figure was first published on, or a short label
/// such as <c>census5</c> (revised after the fifth national economic census).
/// </summary>
public static partial class BasisText
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <summary>"the basis first published", "the basis revised after the fifth national economic census (census5)" or "the basis x".</summary>
    public static string Describe(string basis)
    {
        if (basis.Length == 0)
        {
            return "the basis first published";
        }

        var census = Census().Match(basis);
        if (census.Success && int.TryParse(census.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1 && number <= Ordinals.Length)
        {
            return $"the basis revised after the {Ordinals[number - 1]} national economic census ({basis})";
        }

        return $"the basis {basis}";
    }

    /// <summary>The basis as a phrase after a figure: "as first published", "revised after the fifth national economic census".</summary>
    public static string Phrase(string basis)
    {
        var text = Describe(basis);
        return basis.Length == 0 ? "as first published" : text.StartsWith("the basis revised ", StringComparison.Ordinal) ? text["the basis ".Length..^(basis.Length + 3)] : "on basis " + basis;
    }

    /// <summary>The census a basis label names, "the fifth national economic census" for census5; otherwise "basis x".</summary>
    public static string Census(string basis)
    {
        var text = Describe(basis);
        const string prefix = "the basis revised after ";
        return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..^(basis.Length + 3)] : "basis " + basis;
    }

    /// <summary>A short name: the label itself, or "first published" for the empty label.</summary>
    public static string Short(string basis) => basis.Length == 0 ? "first published" : basis;

    /// <summary>The name of the level-shift dummy of a basis, e.g. "basis = census5".</summary>
    public static string ParameterName(string basis) => "basis = " + Short(basis);

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

    [GeneratedRegex("^census([0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Census();
}
