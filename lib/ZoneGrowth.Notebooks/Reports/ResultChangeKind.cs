namespace ZoneGrowth.Notebooks.Reports;

/// <summary>How a published figure or data file differs between two vintages.</summary>
public enum ResultChangeKind
{
    /// <summary>A key figure's value, low or high moved beyond the tolerance.</summary>
    Moved,
    /// <summary>A key figure published now but not before.</summary>
    Added,
    /// <summary>A key figure published before but not now.</summary>
    Removed,
    /// <summary>A data file read by both runs whose SHA-256 (or row count) differs.</summary>
    DataFileChanged,
    /// <summary>A data file read now but not before.</summary>
    DataFileAdded,
    /// <summary>A data file read before but not now.</summary>
    DataFileRemoved,
    /// <summary>A notebook of the earlier run that this run did not run (its figures are not compared).</summary>
    NotRun,
}
