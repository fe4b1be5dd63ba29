using ZoneGrowth.Data;

namespace ZoneGrowth.Nowcast;

/// <summary>
/// One related figure and what the outlook did with it: every row of the indicators the target is tied to
/// (<see cref="RelationTable"/>) for the target's zone, from the year the model starts to the target year, is either
/// used (how, in <see cref="Words"/>) or not used (why, in <see cref="Words"/>); none is ignored in silence.
/// </summary>
/// <param name="Row">The data row.</param>
/// <param name="Use">How it is used, or <see cref="EvidenceUse.NotUsed"/>.</param>
/// <param name="Words">For a used row, what it is evidence of ("level", "real growth for the year, from Q1-Q3"); for one
/// not used, why ("the reported figure at line 12 supersedes this estimate").</param>
public sealed record EvidenceRow(Observation Row, EvidenceUse Use, string Words)
{
    /// <summary>The figure in words: "core added value 2022 (estimate)", "GDP 2024 (after the 5th census)".</summary>
    public string Figure => FormattableString.Invariant($"{Row.Indicator.Short} {NowcastMessages.RowBrief(Row)}");

    /// <summary>Whether the row is used.</summary>
    public bool IsUsed => Use != EvidenceUse.NotUsed;
}
