using ZoneGrowth.Data;

namespace ZoneGrowth.Targets;

/// <summary>One figure that differs between the data compared and what it does to the answer.</summary>
/// <param name="Kind">Added, changed or removed.</param>
/// <param name="Before">The row as it was (null when added).</param>
/// <param name="Now">The row as it is (null when removed).</param>
/// <param name="Without">P with this change undone and every other kept.</param>
/// <param name="Points">Its part in the change of P, in percentage points: 100 × (P now − <paramref name="Without"/>); 0 for a figure the outlook does not read.</param>
/// <param name="Words">The figure and the change, in words: "GDP 2025 at least 3,000 亿元 (added)".</param>
/// <param name="IsRead">Whether the outlook reads rows like it at all.</param>
public sealed record AttributedChange(DataRowChangeKind Kind, Observation? Before, Observation? Now, double Without, double Points, string Words, bool IsRead);
