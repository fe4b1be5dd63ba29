namespace ZoneGrowth.Publishing;

/// <summary>
/// What a published figure's low and high are: declared by the result that publishes it, so that no reader
/// (the report, the summary, <c>--compare</c>) has to guess. Written in <c>results.json</c> as the words in
/// brackets; the level (90 %, 95 %) is in the figure's description.
/// </summary>
public enum IntervalKind
{
    /// <summary>No interval (<c>none</c>).</summary>
    None,

    /// <summary>A confidence interval of an estimated parameter (<c>confidence</c>).</summary>
    Confidence,

    /// <summary>A prediction interval of a new observation under a fitted model (<c>prediction</c>).</summary>
    Prediction,

    /// <summary>An interval of the quantity's own distribution given everything published: quantiles of a posterior or predictive distribution, or of the paths simulated from it (<c>credible</c>).</summary>
    Credible,

    /// <summary>The estimate ± 2 Monte Carlo standard errors (<c>monte-carlo</c>).</summary>
    MonteCarlo,

    /// <summary>The figure's values at the ends of a stated prior's central 90 %: how far the figure moves over the prior's plausible span (<c>prior-range</c>).</summary>
    PriorRange,
}

/// <summary>The spellings of <see cref="IntervalKind"/>.</summary>
public static class IntervalKindText
{
    private static readonly (IntervalKind Kind, string Text, string Words)[] Spellings =
    [
        (IntervalKind.None, "none", ""),
        (IntervalKind.Confidence, "confidence", "confidence interval"),
        (IntervalKind.Prediction, "prediction", "prediction interval"),
        (IntervalKind.Credible, "credible", "interval of its distribution"),
        (IntervalKind.MonteCarlo, "monte-carlo", "± 2 Monte Carlo standard errors"),
        (IntervalKind.PriorRange, "prior-range", "over the prior's central 90 %"),
    ];

    /// <summary>The word written in <c>results.json</c>: <c>prior-range</c>.</summary>
    public static string ToText(this IntervalKind kind) => Spellings.First(s => s.Kind == kind).Text;

    /// <summary>What the interval is, in words for readers: "over the prior's central 90 %".</summary>
    public static string Describe(this IntervalKind kind) => Spellings.First(s => s.Kind == kind).Words;

    /// <summary>Reads the word written in <c>results.json</c>.</summary>
    public static bool TryParse(string text, out IntervalKind kind)
    {
        foreach (var s in Spellings)
        {
            if (s.Text == text)
            {
                kind = s.Kind;
                return true;
            }
        }

        kind = IntervalKind.None;
        return false;
    }
}
