namespace ZoneGrowth.Publishing;

/// <summary>
/// The markers the workbook's HTML outputs carry for the report pages that print them: written by the display layer,
/// read by the report writer, so both name them from here.
/// </summary>
public static class ReportMarkup
{
    /// <summary>
    /// The attribute of a table cell that shows a source shortened to its site, holding the full address: a report page
    /// numbers such cells and lists the addresses in full at its end.
    /// </summary>
    public const string SourceAttribute = "data-zg-source";

    /// <summary>The class of a note about what the screen shows on hover: a printed report leaves it out.</summary>
    public const string HintClass = "zg-hint";
}
