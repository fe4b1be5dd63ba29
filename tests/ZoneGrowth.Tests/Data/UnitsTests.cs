using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>Unit conversions, checked against the definitions of the units (1 亿 = 10^8, 1 billion = 10^9).</summary>
public class UnitsTests
{
    [Theory]
    [InlineData("159.62", "billion RMB", "1596.2")] // the seed article's 159.62 billion RMB = 1596.2 亿元
    [InlineData("600", "billion RMB", "6000")] // the 2025 target
    [InlineData("1.63", "trillion RMB", "16300")] // Hangzhou's 2021 revenue, about 1.63 trillion RMB
    [InlineData("50000", "万元", "5")]
    public void ConvertsMoneyExactlyTo亿元(string value, string unit, string expected)
    {
        var converted = Units.Convert(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Units.Find(unit), Units.HundredMillionYuan);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), converted);
        Assert.Equal(double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (double)converted);
    }

    [Fact]
    public void AConversionBeyondTheRangeOfDecimalIsFalseNotAnException()
    {
        // 10^20 万亿元 = 10^20 × 10^12 元 (10^32, beyond decimal's 7.9 × 10^28 on the way) = 10^24 亿元; 1.5 万亿元 = 15000 亿元.
        Assert.False(Units.TryConvert(1e20m, Units.Find("万亿元"), Units.HundredMillionYuan, out _));
        Assert.True(Units.TryConvert(1.5m, Units.Find("万亿元"), Units.HundredMillionYuan, out var converted));
        Assert.Equal(15000m, converted);
        var e = Assert.Throws<OverflowException>(() => Units.Convert(1e20m, Units.Find("万亿元"), Units.HundredMillionYuan));
        Assert.Contains("100000000000000000000 万亿元 cannot be converted to 亿元", e.Message);
    }

    [Fact]
    public void AValueTooLargeToConvertIsAProblemOfItsCellNotACrash()
    {
        // Found by CheckPropertyTests: 99999999999999999999999999 十亿元 (× 10^9 元 on the way to 亿元) overflowed and check died.
        var path = TestFiles.Temporary("zone,indicator,year,value,unit,status,source\nAlpha,revenue,2020,99999999999999999999999999,十亿元,reported,example.org/a\n");

        var issue = Assert.Single(DataSet.Check([path], TestFiles.Catalog).Issues);

        Assert.Equal((2, "value", "99999999999999999999999999"), (issue.Location.Line, issue.Location.ColumnName, issue.Found));
        Assert.Contains("too large to be converted to 亿元", issue.Rule);
        Assert.Contains("Check the figure and its unit", issue.Advice);
    }

    [Fact]
    public void RefusesToConvertBetweenDimensions()
    {
        var e = Assert.Throws<ArgumentException>(() => Units.Convert(1m, Units.Percent, Units.HundredMillionYuan));

        Assert.Contains("measure different things", e.Message);
    }

    [Fact]
    public void AnUnknownUnitIsAnErrorListingTheKnownOnes()
    {
        Assert.False(Units.TryFind("亿美元", out _));
        var e = Assert.Throws<ArgumentException>(() => Units.Find("亿美元"));
        Assert.Contains("亿元", e.Message);
    }

    [Fact]
    public void FormatsInTheInvariantCulture()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("1596.2 亿元", Units.Format(1596.2, Units.HundredMillionYuan));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("亿", new[] { "亿元", "十亿元", "万亿元" })]   // a unit cut short: the units that contain it, the nearest first
    [InlineData("percnt", new[] { "percent" })]             // a typo: one edit away
    [InlineData("Billion RMB", new[] { "十亿元" })]          // case aside, an alias
    [InlineData("kg", new string[0])]                        // nothing near
    public void An_unknown_unit_suggests_the_nearest_known_units(string text, string[] expected) =>
        Assert.Equal(expected, UnitTable.Default.Nearest(text).Select(u => u.Code));

    [Fact]
    public void The_workbooks_table_of_units_is_data_units_csv()
    {
        var file = UnitTable.Load(Path.Combine(WorkbookPaths.DataFolder, "units.csv"));
        Assert.Equal(file.All, UnitTable.Default.All);
        Assert.Equal(1e8m, UnitTable.Default["亿元"].FactorToBase);
    }

    [Fact]
    public void A_units_file_beside_the_catalog_adds_a_unit_that_data_can_then_use()
    {
        var folder = Directory.CreateTempSubdirectory("zonegrowth-units-");
        try
        {
            File.Copy(TestFiles.Catalog, Path.Combine(folder.FullName, "catalog.csv"));
            File.WriteAllText(Path.Combine(folder.FullName, "units.csv"),
                File.ReadAllText(Path.Combine(WorkbookPaths.DataFolder, "units.csv")) + "千元,thousand RMB,money,1000,thousand RMB\n");
            var data = Path.Combine(folder.FullName, "data.csv");
            File.WriteAllText(data, "zone,indicator,year,value,unit,status,source\nAlpha,gdp,2024,250000,千元,reported,example.org/a\n");

            var set = DataSet.Load(data, Path.Combine(folder.FullName, "catalog.csv"));

            // 250 000 thousand RMB = 2.5 亿元 (1 千元 = 10^3 yuan, 1 亿元 = 10^8 yuan).
            var o = Assert.Single(set.Observations);
            Assert.Equal(2.5, o.Value, 1e-12);
            Assert.Equal("千元", o.PublishedUnit.Code);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_broken_units_file_names_the_line_the_column_and_what_to_write()
    {
        var path = TestFiles.Temporary("code,name_en,dimension,factor_to_base,aliases\n元,RMB,money,1,\n亿元,100 million RMB,money,1e8x,\n斤,jin,weight,0.5,\n万元,10 thousand RMB,money,10000,元\n");
        try
        {
            var issues = Assert.Throws<DataValidationException>(() => UnitTable.Load(path)).Issues;

            Assert.Collection(issues,
                i => Assert.Equal((3, "factor_to_base", "1e8x"), (i.Location.Line, i.Location.ColumnName, i.Found)),
                i => Assert.Equal((4, "dimension", "weight"), (i.Location.Line, i.Location.ColumnName, i.Found)),
                i => Assert.Equal((5, "aliases"), (i.Location.Line, i.Location.ColumnName)));
            Assert.Contains("money, count, percent", issues[1].Advice);
            Assert.Contains("line 2", issues[2].Rule);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
