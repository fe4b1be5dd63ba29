using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Targets;

/// <summary>Previous-year levels implied by published growth: level ÷ (1 + growth).</summary>
public class ImpliedLevelsTests
{
    private static readonly DataSet Shipped = DataSet.LoadDefault();

    [Fact]
    public void RevenueGains2017And2020MarkedDerivedWithTheirRule()
    {
        var revenue = Shipped.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears();

        Assert.Equal([2017, 2018, 2020, 2021], revenue.Years);
        // 3070 / 1.172 = 2619.45; 4758.7 / 1.181 = 4029.38 (hhz-sources.md gives 2619.5 and 4029.4).
        Assert.Equal(3070 / 1.172, revenue.ValueAt(2017)!.Value, 1e-9);
        Assert.Equal(4758.7 / 1.181, revenue.ValueAt(2020)!.Value, 1e-9);
        Assert.Equal([2017, 2020], revenue.DerivedPoints.Select(p => p.Year));
        Assert.Contains("3070 / 1.172", revenue.PointAt(2017)!.Derivation);
        Assert.False(revenue.PointAt(2018)!.IsDerived);
        Assert.Contains("(derived)", revenue.ToString());
    }

    [Fact]
    public void RawDataIsNotChanged()
    {
        _ = Shipped.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears();

        Assert.Equal([2018, 2021], Shipped.Series("digital_economy_revenue", "HHZ").Years);
    }

    [Fact]
    public void RealGrowthDoesNotImplyANominalLevel()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Shipped.Series("gdp", "HHZ").WithImpliedPreviousYears());

        Assert.Contains("real growth", e.Message);
    }
}
