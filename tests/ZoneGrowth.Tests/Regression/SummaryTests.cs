using ZoneGrowth.Regression;

namespace ZoneGrowth.Tests.Regression;

/// <summary>Summary rendering (text and HTML) and its numbered caveats.</summary>
public sealed class SummaryTests(ITestOutputHelper output)
{
    [Fact]
    public void RendersLongleySummaryWithStatisticsAndConditionNumberCaveat()
    {
        var data = NistDataset.FromJson("Longley");
        var results = new OrdinaryLeastSquares(data.Y, data.Columns.Select((c, j) => new Regressor(data.ColumnNames[j], c)).ToArray(), responseName: "TOTEMP").Fit();
        var summary = results.Summary();
        string text = summary.ToText();
        output.WriteLine(text);
        Assert.Contains("OLS Regression Results", text, StringComparison.Ordinal);
        Assert.Contains("Dep. Variable:", text, StringComparison.Ordinal);
        Assert.Contains("TOTEMP", text, StringComparison.Ordinal);
        Assert.Contains("Covariance Type:", text, StringComparison.Ordinal);
        Assert.Contains("nonrobust", text, StringComparison.Ordinal);
        Assert.Contains("R-squared:", text, StringComparison.Ordinal);
        Assert.Contains("0.995", text, StringComparison.Ordinal); // NIST certified R² 0.995479…
        Assert.Contains("P>|t|", text, StringComparison.Ordinal);
        Assert.Contains("GNPDEFL", text, StringComparison.Ordinal);
        Assert.Contains("Cond. No.", text, StringComparison.Ordinal);
        Assert.Contains("4.86e+09", text, StringComparison.Ordinal); // statsmodels reports 4.86e+09 for Longley
        Assert.Contains("[1] Covariance: classical (non-robust)", text, StringComparison.Ordinal);
        Assert.Contains(summary.Caveats, c => c.StartsWith("Few observations (n = 16 < 20)", StringComparison.Ordinal));
        Assert.Contains(summary.Caveats, c => c.StartsWith("The condition number of the design is large (4.86e+09 > 1000)", StringComparison.Ordinal));
        Assert.Equal(text, summary.ToString());
    }

    [Fact]
    public void StatesRobustCovarianceAndZInference()
    {
        var data = NistDataset.FromJson("Longley");
        var results = new OrdinaryLeastSquares(data.Y, data.Columns.Select((c, j) => new Regressor(data.ColumnNames[j], c)).ToArray()).Fit(CovarianceType.NeweyWest, maxLags: 2, useCorrection: true);
        var summary = results.Summary();
        string text = summary.ToText();
        Assert.Contains("HAC(2)", text, StringComparison.Ordinal);
        Assert.Contains("P>|z|", text, StringComparison.Ordinal);
        Assert.Contains("Newey-West HAC with 2 lag(s), Bartlett kernel, with the n/(n − k) small-sample correction", summary.Caveats[0], StringComparison.Ordinal);
        Assert.Contains("standard normal (z)", summary.Caveats[0], StringComparison.Ordinal);
        var hc3 = results.WithCovariance(CovarianceType.HC3).Summary();
        Assert.StartsWith("Covariance: heteroskedasticity-robust HC3", hc3.Caveats[0], StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsAboutAutocorrelationWhenDurbinWatsonIsFarFromTwo()
    {
        // y = i + (−1)^i on x = i: residuals alternate in sign, so Durbin-Watson ≈ 4 (> 3, negative autocorrelation).
        var x = Enumerable.Range(1, 24).Select(i => (double)i).ToArray();
        var y = x.Select(v => v + (((int)v % 2 == 0) ? 1.0 : -1.0)).ToArray();
        var results = new OrdinaryLeastSquares(y, [new Regressor("x", x)]).Fit();
        Assert.True(results.DurbinWatson > 3);
        Assert.Contains(results.Summary().Caveats, c => c.Contains("suggests negative autocorrelation", StringComparison.Ordinal));
        // y = i + 5·sin(i/6): slowly varying residuals, Durbin-Watson < 1 (positive autocorrelation).
        var smooth = x.Select(v => v + (5 * Math.Sin(v / 6))).ToArray();
        var positive = new OrdinaryLeastSquares(smooth, [new Regressor("x", x)]).Fit();
        Assert.True(positive.DurbinWatson < 1);
        Assert.Contains(positive.Summary().Caveats, c => c.Contains("suggests positive autocorrelation", StringComparison.Ordinal));
    }

    [Fact]
    public void EscapesAllTextInHtml()
    {
        var x = new double[] { 1, 2, 3, 4, 5, 6 };
        var y = new double[] { 1.1, 1.9, 3.2, 3.9, 5.1, 5.8 };
        var results = new OrdinaryLeastSquares(y, [new Regressor("<script>alert('x')</script> & co", x)], responseName: "a<b").Fit();
        string html = results.Summary().ToHtml();
        output.WriteLine(html);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co", html, StringComparison.Ordinal);
        Assert.Contains("a&lt;b", html, StringComparison.Ordinal);
        Assert.StartsWith("<table class=\"regression-summary\">", html, StringComparison.Ordinal);
        Assert.Contains("<caption>OLS Regression Results</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">P&gt;|t|</th>", html, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"regression-caveats\">", html, StringComparison.Ordinal);
        Assert.Equal(html.Split("<tr").Length, html.Split("</tr>").Length);
        Assert.Equal(1, html.Split("</table>").Length - 1);
    }

    [Fact]
    public void TheHtmlGivesTheWholeResponseNameAndNegativeNumbersWithTheMinusSignWhileTheTextKeepsStatsmodelsLayout()
    {
        // y falls with x (slope about −1), so the slope, its t and its interval are negative.
        var x = new double[] { 1, 2, 3, 4, 5, 6 };
        var y = new double[] { 6.1, 4.9, 4.2, 2.8, 2.1, 0.9 };
        var summary = new OrdinaryLeastSquares(y, [new Regressor("x", x)], responseName: "ln(HHZ Gross domestic product)").Fit().Summary();

        var html = summary.ToHtml();
        Assert.Contains("<td>ln(HHZ Gross domestic product)</td>", html, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">x</th><td>\u2212\\d", html);
        Assert.DoesNotMatch("<td>-\\d", html);
        Assert.Contains("ln(HHZ Gross domest…", summary.ToText(), StringComparison.Ordinal);
        Assert.Matches(@"\n\s*x\s+-\d", summary.ToText());
    }

    [Fact]
    public void WarnsAboutExactFitAndPrintsUndefinedDiagnosticsAsNotAvailable()
    {
        var x = new double[] { 0, 1, 2, 3, 4 };
        var y = x.Select(v => 2 + (3 * v)).ToArray();
        var summary = new OrdinaryLeastSquares(y, [new Regressor("x", x)]).Fit().Summary();
        Assert.Contains(summary.Caveats, c => c.StartsWith("The fit is exact", StringComparison.Ordinal));
        Assert.Contains(summary.Caveats, c => c.StartsWith("Very few observations (n = 5", StringComparison.Ordinal));
        Assert.Contains("n/a", summary.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void GrowthSummaryNamesModelGapsAndCorrection()
    {
        var results = new LogLinearTrend([2016, 2017, 2018, 2020, 2021, 2022, 2024], [901.4, 1088.9, 1350.7, 1745.7, 2022.6, 2184.8, 2887.8], "HHZ GDP").Fit();
        var text = results.Summary(BackTransformCorrection.LogNormal).ToText();
        output.WriteLine(text);
        Assert.Contains("Growth model for 'HHZ GDP': ln(value) = a + b·(year − 2016)", text, StringComparison.Ordinal);
        Assert.Contains("Years without data inside the sample: 2019, 2023", text, StringComparison.Ordinal);
        Assert.Contains("log-normal correction", text, StringComparison.Ordinal);
        Assert.Contains("ln(HHZ GDP)", text, StringComparison.Ordinal);
    }
}
