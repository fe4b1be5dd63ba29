namespace ZoneGrowth.Data;

/// <summary>
/// A vintage of the data beside the one before it, figure by figure: figures are paired by zone, indicator, year,
/// period and basis in file order (as <see cref="DataFileDiff"/> pairs rows); a pair whose value, status, growth,
/// publication date or note differs is changed, and the rest are added or removed. Notebook 1 shows it as its table of
/// every figure with the changes marked; the outlook attributes the change in its answer to each of them.
/// </summary>
public sealed class DataSetComparison
{
    private DataSetComparison(DataSet current, DataSet previous, IReadOnlyList<ObservationChange> changes)
    {
        Current = current;
        Previous = previous;
        Changes = changes;
    }

    /// <summary>The data now.</summary>
    public DataSet Current { get; }

    /// <summary>The data compared with.</summary>
    public DataSet Previous { get; }

    /// <summary>The figures added, changed (in the current data's order) and removed (in the previous data's).</summary>
    public IReadOnlyList<ObservationChange> Changes { get; }

    /// <summary>The first file of the data compared with, by name ("the data compared" when it has none).</summary>
    public string PreviousName => Previous.Files.Count > 0 ? Path.GetFileName(Previous.Files[0].Path) : "the data compared";

    /// <summary>The change of a figure of <see cref="Current"/>, or null when it is as before.</summary>
    public ObservationChange? ChangeOf(Observation now) => Changes.FirstOrDefault(c => ReferenceEquals(c.Now, now));

    /// <summary>Compares <paramref name="current"/> with <paramref name="previous"/>.</summary>
    public static DataSetComparison Of(DataSet current, DataSet previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        static (string, string, int, Period, string) Key(Observation o) => (o.Zone, o.Indicator.Id, o.Year, o.Period, o.Basis);
        var queues = previous.Observations.GroupBy(Key).ToDictionary(g => g.Key, g => new Queue<Observation>(g));
        var changes = new List<ObservationChange>();
        foreach (var o in current.Observations)
        {
            if (!queues.TryGetValue(Key(o), out var queue) || queue.Count == 0)
            {
                changes.Add(new ObservationChange(DataRowChangeKind.Added, null, o));
                continue;
            }

            var b = queue.Dequeue();
            if (ObservationChange.Differing(b, o).Count > 0)
            {
                changes.Add(new ObservationChange(DataRowChangeKind.Changed, b, o));
            }
        }

        changes.AddRange(queues.Values.SelectMany(q => q).OrderBy(b => b.Location.Line).Select(b => new ObservationChange(DataRowChangeKind.Removed, b, null)));
        return new DataSetComparison(current, previous, changes);
    }
}

/// <summary>One figure added, changed or removed between two vintages of the data.</summary>
/// <param name="Kind">Added, changed or removed.</param>
/// <param name="Before">The figure before (null when added).</param>
/// <param name="Now">The figure now (null when removed).</param>
public sealed record ObservationChange(DataRowChangeKind Kind, Observation? Before, Observation? Now)
{
    /// <summary>What differs between a figure's two releases, of what a pairing compares (none when they are the same figure).</summary>
    public IReadOnlyList<ObservationField> Fields => Before is { } b && Now is { } n ? Differing(b, n) : [];

    /// <summary>The fields whose values differ between two releases of one figure, in this order: value, status, growth, publication date, note.</summary>
    public static IReadOnlyList<ObservationField> Differing(Observation before, Observation now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        var fields = new List<ObservationField>();
        if (before.Value != now.Value)
        {
            fields.Add(ObservationField.Value);
        }

        if (before.Status != now.Status)
        {
            fields.Add(ObservationField.Status);
        }

        if (before.GrowthPercent != now.GrowthPercent)
        {
            fields.Add(ObservationField.Growth);
        }

        if (before.Published != now.Published)
        {
            fields.Add(ObservationField.Published);
        }

        if (before.Note != now.Note)
        {
            fields.Add(ObservationField.Note);
        }

        return fields;
    }
}

/// <summary>A field of a figure that a new release can change.</summary>
public enum ObservationField
{
    /// <summary>The value.</summary>
    Value,

    /// <summary>The status (reported, estimate, bound...).</summary>
    Status,

    /// <summary>The growth rate published with it.</summary>
    Growth,

    /// <summary>The publication date.</summary>
    Published,

    /// <summary>The note.</summary>
    Note,
}
