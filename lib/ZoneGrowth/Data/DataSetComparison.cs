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
            if (b.Value != o.Value || b.Status != o.Status || b.GrowthPercent != o.GrowthPercent || b.Published != o.Published || b.Note != o.Note)
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
public sealed record ObservationChange(DataRowChangeKind Kind, Observation? Before, Observation? Now);
