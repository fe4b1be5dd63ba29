namespace ZoneGrowth.Data;

/// <summary>
/// Releases of one figure. A figure is identified by its zone, indicator, year, period, status and basis
/// (<see cref="FigureOf"/>): rows that share all six are releases of it (a revision when their publication
/// dates differ), and the latest release is the figure's value. Rows on different bases are different
/// figures, never releases of one another: a first release and a census-revised level of one year are both
/// kept, dated or not. <see cref="DataSet.Check"/> refuses releases whose dates do not say which came later,
/// so choosing the latest never guesses.
/// </summary>
internal static class Vintages
{
    /// <summary>What identifies a figure: rows with the same key are releases of it.</summary>
    public static (string Zone, string Indicator, int Year, Period Period, ObservationStatus Status, string Basis) FigureOf(Observation o) =>
        (o.Zone, o.Indicator.Id, o.Year, o.Period, o.Status, o.Basis);

    /// <summary>
    /// The latest release among releases of one figure (rows with one <see cref="FigureOf"/> key); the earlier
    /// ones are added to <paramref name="superseded"/>, oldest first.
    /// </summary>
    public static Observation Latest(IReadOnlyList<Observation> releases, List<Observation> superseded)
    {
        if (releases.Count == 1)
        {
            return releases[0];
        }

        var ordered = InOrder(releases);
        superseded.AddRange(ordered[..^1]);
        return ordered[^1];
    }

    /// <summary>Releases of one figure from the first published to the latest.</summary>
    public static Observation[] InOrder(IEnumerable<Observation> releases) =>
        releases.OrderBy(o => o.Published, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Rows of one zone, indicator, year, period and status on one or more bases: the latest release on each
    /// basis, from the earliest basis to the latest (<see cref="Bases.EarliestFirst"/>); earlier releases of
    /// each basis are added to <paramref name="superseded"/>.
    /// </summary>
    public static IReadOnlyList<Observation> LatestOfEachBasis(IEnumerable<Observation> rows, List<Observation> superseded) =>
        Bases.EarliestFirst(rows.GroupBy(o => o.Basis, StringComparer.Ordinal).Select(g => Latest(g.ToArray(), superseded)));

    /// <summary>Whether one of two publication dates is after the other whatever days their missing parts stand for.</summary>
    public static bool CanOrder(string a, string b) => IsStrictlyLater(a, b) || IsStrictlyLater(b, a);

    /// <summary>
    /// Whether date <paramref name="later"/> is after <paramref name="earlier"/> whatever days the
    /// missing parts stand for: "2025" is after "2024-03-04", but "2024" is not after "2024-03-04".
    /// </summary>
    internal static bool IsStrictlyLater(string later, string earlier)
    {
        if (later.Length == 0 || earlier.Length == 0)
        {
            return false;
        }

        var shared = Math.Min(later.Length, earlier.Length);
        return string.CompareOrdinal(later[..shared], earlier[..shared]) > 0;
    }
}
