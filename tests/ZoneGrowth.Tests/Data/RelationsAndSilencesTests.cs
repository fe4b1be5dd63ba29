using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>
/// The table of relations (relations.csv) and the sources' silences (silences.csv) beside a catalog: what the shipped
/// files say, what a catalog folder without them gets, and every mistake reported with file, line, column, the value
/// found and what to do.
/// </summary>
public sealed class RelationsAndSilencesTests
{
    private static readonly string ShippedFolder = Path.GetDirectoryName(WorkbookPaths.Catalog)!;

    /// <summary>A catalog folder with the shipped catalog, zones and units, and the given relations and silences files (none when null).</summary>
    private static string Folder(string? relations, string? silences)
    {
        var folder = Path.Combine(Path.GetTempPath(), "zonegrowth-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { "indicators.csv", "zones.csv", "units.csv" })
        {
            File.Copy(Path.Combine(ShippedFolder, file), Path.Combine(folder, file));
        }

        if (relations is not null)
        {
            File.WriteAllText(Path.Combine(folder, RelationTable.FileName), relations);
        }

        if (silences is not null)
        {
            File.WriteAllText(Path.Combine(folder, SilenceTable.FileName), silences);
        }

        return Path.Combine(folder, "indicators.csv");
    }

    private static DataCheckResult Check(string catalog) => DataSet.Check([WorkbookPaths.DefaultDataFile], catalog);

    private const string RelationsHeader = "indicator,relation,to,share_indicator,note\n";

    private const string SilencesHeader = "zone,indicator,through_year,mention_probability,source,quote,note\n";

    [Fact]
    public void TheShippedRelationsTieRevenueToAddedValueAndAddedValueToGdp()
    {
        var relations = DataSet.LoadDefault().Relations;

        Assert.Equal(["digital_economy_revenue", "core_digital_added_value"], relations.Chain("digital_economy_revenue").Select(r => r.Indicator));
        Assert.Equal([RelationKind.Ratio, RelationKind.Share], relations.Chain("digital_economy_revenue").Select(r => r.Kind));
        Assert.Equal("core_digital_added_value_share_of_gdp", relations.Of("core_digital_added_value")!.ShareIndicator);
        Assert.Equal("gdp", relations.Root("digital_economy_revenue"));
        Assert.Equal("gdp", relations.Root("gdp"));
        Assert.Empty(relations.Chain("gdp"));
    }

    [Fact]
    public void TheShippedSilenceIsTheDistrictsReview()
    {
        var silence = Assert.Single(DataSet.LoadDefault().Silences);

        Assert.Equal(("HHZ", "digital_economy_revenue", 2024, 0.5), (silence.Zone, silence.Indicator.Id, silence.ThroughYear, silence.MentionProbability));
        Assert.StartsWith("hhtznews.com.cn", silence.Source, StringComparison.Ordinal);
        Assert.Equal(2, silence.Location.Line);
    }

    [Fact]
    public void AFolderWithoutRelationsUsesTheWorkbooksAndWithoutSilencesHasNone()
    {
        var data = Check(Folder(null, null)).DataSet!;

        Assert.Equal(2, data.Relations.Relations.Count);
        Assert.Null(data.Relations.File);
        Assert.Empty(data.Silences);
    }

    [Fact]
    public void ARelationOfAnUnknownOrNonLevelIndicatorIsReportedWhereItIs()
    {
        var issues = Check(Folder(RelationsHeader + "digital_economy_revenue,ratio,no_such_thing,,\ncore_digital_added_value_share_of_gdp,share,gdp,,\n", null)).Issues;

        var unknown = Assert.Single(issues, i => i.Location.Line == 2);
        Assert.Equal("to", unknown.Location.ColumnName);
        Assert.Equal("no_such_thing", unknown.Found);
        Assert.Contains("level", unknown.Rule);
        var share = Assert.Single(issues, i => i.Location.Line == 3);
        Assert.Equal("indicator", share.Location.ColumnName);
        Assert.EndsWith(RelationTable.FileName, share.Location.File, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownRelationWordASelfRelationATwiceRelatedIndicatorAndACycleAreRefused()
    {
        var issues = Check(Folder(RelationsHeader
            + "digital_economy_revenue,multiple,core_digital_added_value,,\n"
            + "gdp,ratio,gdp,,\n"
            + "digital_economy_revenue,ratio,gdp,,\n"
            + "core_digital_added_value,ratio,it_industry_revenue,,\n"
            + "it_industry_revenue,ratio,core_digital_added_value,,\n", null)).Issues;

        Assert.Contains(issues, i => i.Location.Line == 2 && i.Location.ColumnName == "relation" && i.Found == "multiple" && i.Advice.Contains("ratio, share", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Location.Line == 3 && i.Rule.Contains("related to itself", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Location.Line == 4 && i.Rule.Contains("already has a relation on line 2", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Location.Line == 5 && i.Rule.Contains("comes back", StringComparison.Ordinal));
    }

    [Fact]
    public void AShareIndicatorMustBeAShareOnAShareRelation()
    {
        var issues = Check(Folder(RelationsHeader + "core_digital_added_value,share,gdp,gdp_real_growth,\ndigital_economy_revenue,ratio,core_digital_added_value,core_digital_added_value_share_of_gdp,\n", null)).Issues;

        Assert.Equal([2, 3], issues.Select(i => i.Location.Line));
        Assert.All(issues, i => Assert.Equal("share_indicator", i.Location.ColumnName));
    }

    [Theory]
    [InlineData("HHZ,digital_economy_revenue,2024,1.5,x.example,,\n", "mention_probability", "1.5")]
    [InlineData("HHZ,digital_economy_revenue,2024,half,x.example,,\n", "mention_probability", "half")]
    [InlineData("HHZ,no_such_thing,2024,0.5,x.example,,\n", "indicator", "no_such_thing")]
    [InlineData("HHZ,digital_economy_revenue,24,0.5,x.example,,\n", "through_year", "24")]
    [InlineData("HHZ,digital_economy_revenue,2024,0.5,,,\n", "source", "")]
    public void ABadSilenceIsReportedAtItsCell(string row, string column, string found)
    {
        var issue = Assert.Single(Check(Folder(null, SilencesHeader + row)).Issues);

        Assert.Equal((2, column, found), (issue.Location.Line, issue.Location.ColumnName, issue.Found));
        Assert.EndsWith(SilenceTable.FileName, issue.Location.File, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(issue.Advice));
    }

    [Fact]
    public void TwoSilencesOfOneZoneAndIndicatorAreRefused()
    {
        var issue = Assert.Single(Check(Folder(null, SilencesHeader + "HHZ,digital_economy_revenue,2024,0.5,x.example,,\nHHZ,digital_economy_revenue,2023,0.4,y.example,,\n")).Issues);

        Assert.Equal(3, issue.Location.Line);
        Assert.Contains("line 2", issue.Rule);
    }
}
