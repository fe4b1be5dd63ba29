using ZoneGrowth.Data;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Targets;

/// <summary>
/// What moved the answer between two sets of data (the previous vintage and this one, or the shipped file and a
/// user's copy): P with each, and each figure added, changed or removed with its part in percentage points, P now
/// minus P with that one change undone and every other kept. When changes interact the parts need not add up to the
/// whole; the rest is given as their interplay. A figure on a revised basis can lower P although it is higher (it
/// also says the census revision was larger); the words say so where it does.
/// </summary>
public sealed class OutlookAttribution
{
    private OutlookAttribution(double? was, double probability, IReadOnlyList<AttributedChange> changes, string compared, string? notComparable = null)
    {
        NotComparable = notComparable;
        WasProbability = was;
        Probability = probability;
        Changes = changes;
        Compared = compared;
    }

    /// <summary>P with the data compared with; null when they hold the same figures.</summary>
    public double? WasProbability { get; }

    /// <summary>P with the data now.</summary>
    public double Probability { get; }

    /// <summary>Every figure that differs, the largest part first.</summary>
    public IReadOnlyList<AttributedChange> Changes { get; }

    /// <summary>Why the question cannot be asked of the data compared with (another zone's file, no published level there), or null.</summary>
    public string? NotComparable { get; }

    /// <summary>What the data were compared with, in words (a file name).</summary>
    public string Compared { get; }

    /// <summary>The change of P the parts do not account for, in points (0 with fewer than two changes read).</summary>
    public double Interplay => WasProbability is { } was ? (100 * (Probability - was)) - Changes.Sum(c => c.Points) : 0;

    /// <summary>The lines of the answer's "what moved": "GDP 2025 at least 3,000 亿元 (added): +2.6 points", the largest first, then the interplay when it is half a point or more.</summary>
    public IReadOnlyList<string> Lines =>
        WasProbability is null
            ? []
            : Changes.Where(c => c.IsRead).Select(c => FormattableString.Invariant($"{c.Words}: {Points(c.Points)}"))
                .Concat(Changes.Any(c => !c.IsRead) ? [FormattableString.Invariant($"{Changes.Count(c => !c.IsRead)} other {(Changes.Count(c => !c.IsRead) == 1 ? "figure" : "figures")} the outlook does not read: 0 points")] : [])
                .Concat(Math.Abs(Interplay) >= 0.5 ? [FormattableString.Invariant($"the changes together, beyond their parts: {Points(Interplay)}")] : [])
                .ToArray();

    private static string Points(double points) => KeyFigureText.Points(points / 100);

    /// <summary>
    /// Compares the outlook built on <paramref name="current"/> with the same question on <paramref name="previous"/>.
    /// </summary>
    /// <param name="outlook">The outlook now.</param>
    /// <param name="current">The data it was built on.</param>
    /// <param name="previous">The data to compare with.</param>
    public static OutlookAttribution Compare(TargetOutlook outlook, DataSet current, DataSet previous)
    {
        ArgumentNullException.ThrowIfNull(outlook);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var comparison = DataSetComparison.Of(current, previous);
        var compared = comparison.PreviousName;
        var diff = comparison.Changes;
        if (diff.Count == 0)
        {
            return new OutlookAttribution(null, outlook.Probability, [], compared);
        }

        double was;
        try
        {
            was = ProbabilityOn(outlook, previous);
        }
        catch (ArgumentException)
        {
            var holds = previous.Observations.Any(o => o.Zone == outlook.Target.Zone && o.Indicator == outlook.Target.Indicator);
            return new OutlookAttribution(null, outlook.Probability, [], compared, TargetMessages.NotComparable(outlook.Target, compared, holds));
        }

        var read = ReadIndicators(outlook);
        var changes = diff.AsParallel().AsOrdered().Select(d =>
        {
            var row = d.Now ?? d.Before!;
            var isRead = read.Contains((row.Zone, row.Indicator.Id)) || read.Contains(("*", row.Indicator.Id));
            var words = TargetMessages.ChangeWords(d.Kind, d.Before, d.Now);
            if (!isRead)
            {
                return new AttributedChange(d.Kind, d.Before, d.Now, outlook.Probability, 0, words, false);
            }

            var rows = current.Observations.ToList();
            switch (d.Kind)
            {
                case DataRowChangeKind.Added:
                    rows.Remove(d.Now!);
                    break;
                case DataRowChangeKind.Removed:
                    rows.Add(d.Before!);
                    break;
                default:
                    rows[rows.IndexOf(d.Now!)] = d.Before!;
                    break;
            }

            var without = ProbabilityOn(outlook, current.WithObservations(rows));
            return new AttributedChange(d.Kind, d.Before, d.Now, without, 100 * (outlook.Probability - without), words + TargetMessages.RevisedBasisNote(d, outlook.Probability - without), true);
        }).OrderByDescending(c => Math.Abs(c.Points)).ToArray();
        return new OutlookAttribution(was, outlook.Probability, changes, compared);
    }

    /// <summary>The same question on other data: the same target, the series rebuilt from them.</summary>
    private static double ProbabilityOn(TargetOutlook outlook, DataSet data)
    {
        var target = outlook.Target;
        var series = data.Series(target.Indicator.Id, target.Zone);
        if (target.Indicator.GrowthBasis == GrowthBasis.Nominal)
        {
            series = series.WithImpliedPreviousYears();
        }

        return TargetOutlook.Create(data, TargetAssessment.Create(series, target), outlook.Options).Probability;
    }

    /// <summary>The (zone, indicator) pairs the outlook reads: the target's chain, shares and growth indicators in its zone; GDP, its growth and prices anywhere ("*").</summary>
    private static HashSet<(string Zone, string Indicator)> ReadIndicators(TargetOutlook outlook)
    {
        var zone = outlook.Target.Zone;
        var model = outlook.Model;
        var set = new HashSet<(string, string)>();
        foreach (var indicator in model.Chain)
        {
            set.Add((zone, indicator.Id));
            if (indicator.GrowthIndicator.Length > 0)
            {
                set.Add((zone, indicator.GrowthIndicator));
            }
        }

        foreach (var link in model.Links.Where(l => l.ShareIndicator.Length > 0))
        {
            set.Add((zone, link.ShareIndicator));
        }

        var root = model.Chain[^1];
        set.Add(("*", root.Id));
        set.Add(("*", root.GrowthIndicator));
        set.Add(("*", outlook.Options.ConsumerPrices));
        set.Add(("*", outlook.Options.ProducerPrices));
        return set;
    }
}
