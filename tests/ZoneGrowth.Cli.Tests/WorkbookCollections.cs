namespace ZoneGrowth.Cli.Tests;

/// <summary>
/// The test classes that read the shipped workbook's run share one run (with chart pictures and PDFs) instead of
/// each making its own: a class fixture is created once per class, a collection fixture once per collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ShippedWorkbookCollection : ICollectionFixture<ShippedWorkbookRun>
{
    public const string Name = "shipped workbook";
}

/// <summary>The test classes that read the second zone's run share one run.</summary>
[CollectionDefinition(Name)]
public sealed class ZoneBWorkbookCollection : ICollectionFixture<ZoneBWorkbookRun>
{
    public const string Name = "zone B workbook";
}
