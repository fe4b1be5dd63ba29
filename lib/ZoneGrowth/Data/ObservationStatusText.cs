namespace ZoneGrowth.Data;

/// <summary>The spelling of each <see cref="ObservationStatus"/> in data files.</summary>
public static class ObservationStatusText
{
    private static readonly (ObservationStatus Status, string Text)[] Spellings =
    [
        (ObservationStatus.Reported, "reported"),
        (ObservationStatus.Estimate, "estimate"),
        (ObservationStatus.Target, "target"),
        (ObservationStatus.LowerBound, "lower-bound"),
        (ObservationStatus.Approximate, "approximate"),
        (ObservationStatus.UpperBound, "upper-bound"),
    ];

    /// <summary>Every status word a data file may use, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = Spellings.Select(s => s.Text).ToArray();

    /// <summary>The data-file spelling of <paramref name="status"/>, e.g. <c>lower-bound</c>.</summary>
    public static string ToText(this ObservationStatus status) =>
        Spellings.First(s => s.Status == status).Text;

    /// <summary>Reads a status word exactly as data files spell it (case-sensitive, no spaces).</summary>
    /// <returns><see langword="false"/> when <paramref name="text"/> is not one of <see cref="All"/>.</returns>
    public static bool TryParse(string text, out ObservationStatus status)
    {
        foreach (var (s, t) in Spellings)
        {
            if (t == text)
            {
                status = s;
                return true;
            }
        }

        status = default;
        return false;
    }
}
