using ZoneGrowth.Publishing;

namespace ZoneGrowth.Tests.Publishing;

/// <summary>
/// Figures formatted by their unit. Every expected string is written by hand from the rule in
/// <see cref="KeyFigureText"/>'s remarks (invariant culture), not copied from output.
/// </summary>
public sealed class KeyFigureTextTests
{
    [Theory]
    // probability: two decimals, "< 0.01" and "> 0.99" at the extremes
    [InlineData(0.4321, "probability", "0.43")]
    [InlineData(0.99, "probability", "0.99")]
    [InlineData(0.01, "probability", "0.01")]
    [InlineData(0.995, "probability", "> 0.99")]
    [InlineData(1.0, "probability", "> 0.99")]
    [InlineData(0.0099, "probability", "< 0.01")]
    [InlineData(0.0, "probability", "< 0.01")]
    // percent: the value is in points, one decimal
    [InlineData(5.0, "percent", "5.0 %")]
    [InlineData(18.1, "%", "18.1 %")]
    [InlineData(-1.26, "percent", "−1.3 %")]
    // growth rates: points a year, or a fraction a year times 100
    [InlineData(6.0, "percent a year", "6.0 % a year")]
    [InlineData(0.0597, "per year", "6.0 % a year")]
    [InlineData(0.0597, "fraction per year", "6.0 % a year")]
    [InlineData(-0.02, "per year", "−2.0 % a year")]
    [InlineData(-0.0001, "per year", "0.0 % a year")]
    // money: thousands separators, one decimal from 100, two from 1, up to four below
    [InlineData(2887.8, "亿元", "2,887.8 亿元")]
    [InlineData(5531.23, "亿元", "5,531.2 亿元")]
    [InlineData(12345678.9, "万元", "12,345,678.9 万元")]
    [InlineData(42.5, "亿元", "42.50 亿元")]
    [InlineData(0.125, "亿元", "0.125 亿元")]
    // counts: whole numbers with separators; the unit "count" is not written
    [InlineData(1928, "count", "1,928")]
    [InlineData(37, "家", "37 家")]
    // other units: whole numbers with separators, else six significant digits, then the unit
    [InlineData(133.1, "RMB 100m", "133.1 RMB 100m")]
    [InlineData(0.1, "1", "0.1 1")]
    [InlineData(1234567, "rows", "1,234,567 rows")]
    [InlineData(3.14159265, "", "3.14159")]
    public void A_value_is_written_by_its_unit(double value, string unit, string expected) =>
        Assert.Equal(expected, KeyFigureText.Value(value, unit));

    [Fact]
    public void An_interval_is_written_in_brackets_in_the_values_unit()
    {
        Assert.Equal("[5.1, 6.9]", KeyFigureText.Interval(0.051, 0.069, "per year"));
        Assert.Equal("[< 0.01, 0.05]", KeyFigureText.Interval(0.001, 0.05, "probability"));
        Assert.Equal("[2,700.0, 3,050.2]", KeyFigureText.Interval(2700, 3050.2, "亿元"));
        Assert.Equal("[0.41, …]", KeyFigureText.Interval(0.41, null, "probability"));
        Assert.Equal("", KeyFigureText.Interval(null, null, "probability"));
    }

    [Fact]
    public void A_probability_after_its_symbol_is_never_an_equality_with_a_bound()
    {
        Assert.Equal("= 0.83", KeyFigureText.ProbabilityIs(0.829));
        Assert.Equal("> 0.99", KeyFigureText.ProbabilityIs(0.9951));
        Assert.Equal("< 0.01", KeyFigureText.ProbabilityIs(0.004));
    }

    [Theory]
    [InlineData(0.038, "+3.8 points")]
    [InlineData(-0.0123, "−1.2 points")]
    [InlineData(-0.0004, "0.0 points")]
    [InlineData(0, "0.0 points")]
    public void A_change_of_probability_is_in_points_with_a_true_minus(double change, string expected) =>
        Assert.Equal(expected, KeyFigureText.Points(change));

    [Fact]
    public void A_negative_number_takes_the_true_minus_sign_and_a_negative_zero_none()
    {
        Assert.Equal("[−2.8, 7.7]", KeyFigureText.Interval(-0.028, 0.077, "per year"));
        Assert.Equal("−1,234.5 亿元", KeyFigureText.Value(-1234.5, "亿元"));
        Assert.Equal("0.0 %", KeyFigureText.Value(-0.00001, "percent"));
    }

    [Fact]
    public void A_figure_reads_as_value_then_interval_then_the_kind_of_range()
    {
        Assert.Equal("6.0 % a year [5.1, 6.9] (confidence interval)", KeyFigureText.Of(new PublishedResult("02-growth", "gdp_trend_growth", 0.0597, 0.051, 0.069, "per year", "d", IntervalKind.Confidence)));
        Assert.Equal("0.83 [0.58, 0.96] (over the prior's central 90 %)", KeyFigureText.Of(new PublishedResult("03-target", "p_met", 0.829, 0.58, 0.96, "probability", "d", IntervalKind.PriorRange)));
        Assert.Equal("6.0 % a year [5.1, 6.9]", KeyFigureText.Of(new PublishedResult("02-growth", "gdp_trend_growth", 0.0597, 0.051, 0.069, "per year", "d")));
        // A model's estimate of a level reads as the answer writes it: three significant digits.
        Assert.Equal("6,370 亿元 [5,560, 7,890] (interval of its distribution)", KeyFigureText.Of(new PublishedResult("03-target", "nowcast_2025", 6366.6, 5561.2, 7893.4, "亿元", "d", IntervalKind.Credible)));
        // A range whose two ends read the same says nothing: left out.
        Assert.Equal("0.99", KeyFigureText.Of(new PublishedResult("03-target", "p_met_random_walk", 0.9871, 0.9851, 0.9891, "probability", "d", IntervalKind.MonteCarlo)));
        Assert.Equal("2,887.8 亿元", KeyFigureText.Of(new PublishedResult("01-indicators", "gdp_level", 2887.8, null, null, "亿元", "d")));
    }

    [Theory]
    [InlineData(4758.7, "4,758.7")]
    [InlineData(12.345, "12.35")]
    [InlineData(0.01234, "0.0123")]
    [InlineData(-0.00001, "0")]
    [InlineData(double.NaN, "n/a")]
    public void A_level_has_thousands_separators_and_decimals_by_its_size(double value, string expected) =>
        Assert.Equal(expected, KeyFigureText.Level(value));

    [Fact]
    public void Percentages_probabilities_and_signed_levels_follow_the_one_rule()
    {
        Assert.Equal("17.2 %", KeyFigureText.Percent(0.172));
        Assert.Equal("0.0 %", KeyFigureText.Percent(-0.00001));
        Assert.Equal("> 0.99", KeyFigureText.Probability(0.9996)); // never "1" for 0.9996
        Assert.Equal("0.69", KeyFigureText.Probability(0.6912));
        Assert.Equal("0.6912", KeyFigureText.PreciseProbability(0.69123));
        Assert.Equal("+120.5", KeyFigureText.SignedLevel(120.5));
        Assert.Equal("−1,300.0", KeyFigureText.SignedLevel(-1300));
        Assert.Equal("0", KeyFigureText.SignedLevel(0));
        Assert.Equal("0.90", KeyFigureText.Factor(0.9));
    }
}
