using System.Globalization;

namespace ZoneGrowth.Data;

/// <summary>
/// Chooses the latest release among observations of the same zone, indicator, year and status
/// that differ only in their publication date (a revision). Refuses to guess when the dates do not
/// say which came later.
/// </summary>
internal static class Vintages
{
    public static Observation Latest(IReadOnlyList<Observation> releases, List<Observation> superseded)
    {
        if (releases.Count == 1)
        {
            return releases[0];
        }

        var ordered = releases.OrderBy(o => o.Published, StringComparer.Ordinal).ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (!IsStrictlyLater(ordered[i].Published, ordered[i - 1].Published))
            {
                throw new ArgumentException(UnorderedMessage(ordered[i - 1], ordered[i]));
            }
        }

        superseded.AddRange(ordered[..^1]);
        return ordered[^1];
    }

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

    private static string UnorderedMessage(Observation a, Observation b) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{a.Zone} {a.Indicator.Id} {a.Year} ({a.Status.ToText()}) has releases at {a.Location} (published \"{a.Published}\") and {b.Location} (published \"{b.Published}\") whose publication dates do not say which is later. Give both rows publication dates precise enough to order them.");
}
