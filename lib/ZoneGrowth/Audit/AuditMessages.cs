using System.Globalization;
using ZoneGrowth.Data;
using static System.FormattableString;

namespace ZoneGrowth.Audit;

/// <summary>The audit's explanations, written once; indicators by their catalog names (the table beside them keeps the ids).</summary>
internal static class AuditMessages
{
    public static string GrowthVersusLevels(Observation earlier, Observation later, IReadOnlyList<(int Year, double Percent)> growth, double expected, double disagreement, double low, double high, GrowthBasis basis)
    {
        var rates = string.Join(", ", growth.Select(g => Invariant($"{g.Percent:0.0##} % in {g.Year}")));
        var span = later.Year - earlier.Year;
        var head = Invariant(
            $"{later.Indicator.EnglishName} ({later.Zone}): {earlier.Year} level {earlier.Value:0.###} grown at the published {Describe(basis)} growth ({rates}) gives {expected:0.#} for {later.Year}; the level published is {later.Value:0.###}, {Percent(disagreement)} ");
        if (basis == GrowthBasis.Real)
        {
            var deflator = Math.Pow(1 + disagreement, 1.0 / span) - 1;
            var verdict = disagreement < low || disagreement > high
                ? Invariant($"That needs prices to change by {Percent(deflator)} a year, outside the plausible {Percent(Math.Pow(1 + low, 1.0 / span) - 1)} to {Percent(Math.Pow(1 + high, 1.0 / span) - 1)}: a possible level break (revision, census) or change of definition.")
                : Invariant($"That is a price change of {Percent(deflator)} a year, within the plausible range.");
            return head + Invariant($"from it. ") + verdict + OnTwoBases(earlier, later);
        }

        return head + (disagreement < low || disagreement > high
            ? Invariant($"from it, beyond the tolerance of {Percent(high)}: a possible definitional break or revision.")
            : "from it, within tolerance.") + OnTwoBases(earlier, later);
    }

    /// <summary>Said after a comparison of two levels on different bases (nothing when they share one).</summary>
    private static string OnTwoBases(Observation earlier, Observation later) =>
        earlier.Basis == later.Basis
            ? string.Empty
            : Invariant($" The two levels are on different bases ({earlier.Year} {BasisText.Phrase(earlier.Basis)}, {later.Year} {BasisText.Phrase(later.Basis)}): the step mixes the revision with growth, and a level of either year on the other's basis would tell the two apart.");

    public static string LabelChange(Observation later, Observation related, double implied, double disagreement, bool flagged) =>
        Invariant($"{later.Indicator.EnglishName} ({later.Zone}): {later.Year} level {later.Value:0.###} with published growth {later.GrowthPercent:0.0##} % implies {implied:0.#} for {later.Year - 1} on the same basis, but the related indicator {related.Indicator.EnglishName} ({related.Indicator.ChineseName}) reports {related.Value:0.###} for {related.Year}, {Percent(disagreement)} from it") +
        (flagged ? ": the two labels are not on the same basis (a definitional break); do not splice them." : ", within tolerance.");

    public static string Revision(Observation earlier, Observation later, double change) =>
        Invariant($"{later.Indicator.EnglishName} ({later.Zone}) {later.Year}: first published as {earlier.Value:0.###} ({earlier.Published}), revised to {later.Value:0.###} ({later.Published}), {Percent(change)}.");

    /// <summary>The step between a year's figures on two bases: "82553 as first published (2024-03-04), 85620 revised after the fifth national economic census (2025), +3.7 %: a census revision, ...".</summary>
    public static string BasisRevision(Observation earlier, Observation later, double change) =>
        Invariant($"{later.Indicator.EnglishName} ({later.Zone}) {later.Year}: {earlier.Value:0.###} {BasisText.Phrase(earlier.Basis)} ({Date(earlier)}), {later.Value:0.###} {BasisText.Phrase(later.Basis)} ({Date(later)}), {Percent(change)}: ")
        + (BasisText.NamesCensus(later.Basis) ? "a census revision, a change of basis rather than growth; compare levels on one basis." : "a change of basis rather than growth; compare levels on one basis.");

    private static string Date(Observation o) => o.Published.Length > 0 ? o.Published : "publication date unknown";

    private static string Describe(GrowthBasis basis) => basis == GrowthBasis.Real ? "real" : "nominal";

    private static string Percent(double fraction) => Publishing.KeyFigureText.Signed(fraction);

}
