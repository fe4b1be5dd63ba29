namespace ZoneGrowth.Nowcast;

/// <summary>
/// One unknown of the evidence model on the log scale: a level or ratio in the first year (diffuse: its prior says
/// nothing, the rows pin it), a year's drift of a ratio or share, a year's real growth, the zone's price growth, a
/// census revision, the gap of a year-to-date rate. A latent with a prior is normal with <see cref="Mean"/> and
/// standard deviation <see cref="Sd"/> times the square root of its scale's variance factor (<see cref="Scale"/>, drawn
/// once for every latent on that scale) and, for a drift whose variance is split between two links, of its share of
/// the split (<see cref="SplitPart"/>).
/// </summary>
/// <param name="Name">What it is, in words: "drift of revenue ÷ core added value in 2023".</param>
/// <param name="IsDiffuse">True when its prior says nothing (a vague normal centred on <see cref="Mean"/>).</param>
/// <param name="Mean">Its prior mean (the centre of the vague prior when diffuse).</param>
/// <param name="Sd">Its prior standard deviation at the scale's estimate; unused when diffuse.</param>
/// <param name="Scale">The estimated scale it is drawn at, or null for a standard deviation taken as known.</param>
/// <param name="SplitPart">-1, or 0 / 1 for the first / second link sharing a drift split λ / 1 − λ.</param>
/// <param name="Group">What it belongs to in the variance budget: "drift of revenue ÷ core added value".</param>
internal sealed record ModelLatent(string Name, bool IsDiffuse, double Mean, double Sd, ScaleParameter? Scale, int SplitPart, string Group)
{
    /// <summary>A latent the rows pin: a vague normal prior (standard deviation 1000 on the log scale) centred on <paramref name="centre"/>.</summary>
    public static ModelLatent Diffuse(string name, double centre = 0) => new(name, true, centre, 0, null, -1, name);

    /// <summary>A latent with a normal prior.</summary>
    public static ModelLatent Normal(string name, double mean, double sd, ScaleParameter? scale, string group, int splitPart = -1) => new(name, false, mean, sd, scale, splitPart, group);
}
