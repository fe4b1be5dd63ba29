using ZoneGrowth.Data;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Tests.Targets;

/// <summary>
/// The verdict paragraph follows the numbers: the shipped data and a slow-growing fixture zone
/// give opposite verdicts. Likelihood words are the IPCC scale's (Mastrandrea et al., 2010).
/// </summary>
public class TargetVerdictTests
{
    private static string VerdictFor(DataSet data, string indicator, int targetYear, string zone)
    {
        var series = data.Series(indicator, zone).WithImpliedPreviousYears();
        var assessment = TargetAssessment.Create(series, Target.Find(data, indicator, targetYear, zone));
        TargetProbability[] probabilities = [assessment.Probability(LogLinearTrendModel.Fit(series)), assessment.Probability(RandomWalkWithDrift.Fit(series))];
        return TargetVerdict.Write(assessment, probabilities, assessment.Evaluate([GrowthScenario.Constant("growth of 3 %", 0.03)]));
    }

    [Theory]
    [InlineData(0.995, "virtually certain")]
    [InlineData(0.95, "very likely")]
    [InlineData(0.7, "likely")]
    [InlineData(0.5, "about as likely as not")]
    [InlineData(0.2, "unlikely")]
    [InlineData(0.05, "very unlikely")]
    [InlineData(0.001, "exceptionally unlikely")]
    public void UsesTheIpccLikelihoodWords(double probability, string words)
    {
        Assert.Equal(words, Likelihood.Describe(probability));
    }

    [Fact]
    public void TheShippedDataGiveAFavourableVerdictWithItsCaveats()
    {
        var verdict = VerdictFor(DataSet.LoadDefault(), "digital_economy_revenue", 2025, "HHZ");

        Assert.StartsWith("Verdict: that HHZ reaches its 2025 target of 6000 亿元 (数字经济主营业务收入) is very likely", verdict);
        Assert.Contains("It needs 5.97 % a year from 4758.7 in 2021", verdict);
        Assert.Contains("17.2 % in 2018, 18.1 % in 2021", verdict);
        Assert.Contains("Scenarios that miss it: \"growth of 3 %\"", verdict);
        Assert.Contains("2 of them derived from published growth rates (2017, 2020)", verdict);
    }

    [Fact]
    public void ASlowGrowingZoneGetsTheOppositeVerdict()
    {
        var csv = "zone,indicator,year,value,unit,status,growth_pct,source\n"
            + "Alpha,revenue,2018,100,亿元,reported,2.0,example.org/a\n"
            + "Alpha,revenue,2021,106.5,亿元,reported,2.5,example.org/b\n"
            + "Alpha,revenue,2025,200,亿元,target,,example.org/plan\n";
        var data = DataSet.Load(TestFiles.Temporary(csv), TestFiles.Catalog);

        var verdict = VerdictFor(data, "revenue", 2025, "Alpha");

        Assert.StartsWith("Verdict: that Alpha reaches its 2025 target of 200 亿元 (收入) is exceptionally unlikely", verdict);
        // (200 / 106.5)^(1/4) − 1 = 17.06 % needed.
        Assert.Contains("It needs 17.06 % a year from 106.5 in 2021", verdict);
    }
}
