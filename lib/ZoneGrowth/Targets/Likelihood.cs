namespace ZoneGrowth.Targets;

/// <summary>
/// Calibrated words for probabilities, on the IPCC's likelihood scale (Mastrandrea et al., 2010):
/// virtually certain ≥ 99 %, very likely ≥ 90 %, likely ≥ 66 %, about as likely as not 33–66 %,
/// unlikely ≤ 33 %, very unlikely ≤ 10 %, exceptionally unlikely ≤ 1 %. Using fixed words keeps
/// prose consistent with the numbers whatever the data.
/// </summary>
public static class Likelihood
{
    /// <summary>The word for a probability, e.g. 0.93 → "very likely".</summary>
    public static string Describe(double probability) => probability switch
    {
        >= 0.99 => "virtually certain",
        >= 0.90 => "very likely",
        >= 0.66 => "likely",
        > 0.33 => "about as likely as not",
        > 0.10 => "unlikely",
        > 0.01 => "very unlikely",
        _ => "exceptionally unlikely",
    };
}
