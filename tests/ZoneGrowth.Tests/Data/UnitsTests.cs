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
}
