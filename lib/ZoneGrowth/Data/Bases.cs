using System.Globalization;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Data;

/// <summary>
/// What a basis label means to the data layer (the data files' <c>basis</c> column): empty for the basis a
/// figure was first published on, otherwise a revised basis such as <c>census5</c> (revised after the fifth
/// national economic census). How a basis reads in sentences is <see cref="BasisText"/>'s job; which
/// census a label names, and which of two bases is the later, is decided here, below every layer that asks.
/// </summary>
internal static partial class Bases
{
    /// <summary>The label of the basis a figure was first published on: empty.</summary>
    public const string FirstPublished = "";

    /// <summary>Whether the label names a revised basis (is not empty).</summary>
    public static bool IsRevised(string basis) => basis.Length > 0;

    /// <summary>The number of the census a label names (5 for <c>census5</c>), or null when it names none.</summary>
    public static int? CensusNumber(string basis)
    {
        var census = Census().Match(basis);
        return census.Success && int.TryParse(census.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;
    }

    /// <summary>
    /// The latest releases of one year's figure on several bases (one per basis), from the earliest basis to the
    /// latest: the basis first published first; then the revised bases by the census they name (<c>census4</c>
    /// before <c>census5</c>; a label naming no census before any census), then by the publication date of their
    /// release as written, then by label. A total order, so every year has one latest basis.
    /// </summary>
    public static IReadOnlyList<Observation> EarliestFirst(IEnumerable<Observation> latestOfEachBasis) =>
        latestOfEachBasis
            .OrderBy(o => IsRevised(o.Basis))
            .ThenBy(o => CensusNumber(o.Basis) ?? 0)
            .ThenBy(o => o.Published, StringComparer.Ordinal)
            .ThenBy(o => o.Basis, StringComparer.Ordinal)
            .ToArray();

    [GeneratedRegex("^census([0-9]{1,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex Census();
}
