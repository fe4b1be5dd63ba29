using System.Globalization;
using System.Net;
using System.Text;
using static System.Net.WebUtility;

namespace ZoneGrowth.Regression;

/// <summary>
/// A statsmodels-like summary of a fit: model statistics, the coefficient table and residual diagnostics,
/// followed by numbered caveats (covariance used, few observations, large condition number, residual
/// autocorrelation, exact fit, plus notes of the model that produced the fit). Renders as plain text
/// (<see cref="ToText"/>, also <see cref="ToString"/>) and as an HTML table (<see cref="ToHtml"/>, all text escaped).
/// </summary>
public sealed partial class RegressionSummary
{
    /// <summary>Below this many observations the summary warns that asymptotic results are unreliable.</summary>
    public const int FewObservationsThreshold = 20;

    /// <summary>At or below this many observations the summary warns that the sample is very small.</summary>
    public const int VeryFewObservationsThreshold = 5;

    /// <summary>Above this condition number the summary warns of multicollinearity (statsmodels' threshold).</summary>
    public const double ConditionNumberThreshold = 1000.0;

    private readonly RegressionResults results;
    private readonly IReadOnlyList<ConfidenceInterval> intervals;

    internal RegressionSummary(RegressionResults results, double level, IReadOnlyList<string> extraNotes)
    {
        this.results = results;
        Level = level;
        intervals = results.ConfidenceIntervals(level);
        Caveats = BuildCaveats(results, extraNotes);
    }

    /// <summary>Confidence level of the coefficient intervals in the table.</summary>
    public double Level { get; }

    /// <summary>The numbered caveats printed under the table, in order (without their numbers).</summary>
    public IReadOnlyList<string> Caveats { get; }

    /// <inheritdoc cref="ToText"/>
    public override string ToString() => ToText();

    /// <summary>The summary as fixed-width plain text (78 columns), like statsmodels' <c>summary()</c>.</summary>
    public string ToText()
    {
        const int width = 78;
        var sb = new StringBuilder();
        string title = "OLS Regression Results";
        sb.Append(' ', (width - title.Length) / 2).AppendLine(title);
        sb.AppendLine(new string('=', width));
        var left = LeftStatistics();
        var right = RightStatistics();
        for (int i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            sb.AppendLine(Pair(i < left.Count ? left[i] : (string.Empty, string.Empty), 38) + "  " + Pair(i < right.Count ? right[i] : (string.Empty, string.Empty), 38));
        }

        sb.AppendLine(new string('=', width));
        var header = CoefficientHeader();
        sb.Append(' ', 16);
        foreach (var h in header.Skip(1))
        {
            sb.Append(h.PadLeft(10)).Append(' ');
        }

        sb.AppendLine();
        sb.AppendLine(new string('-', width));
        foreach (var row in CoefficientRows())
        {
            sb.Append(Truncate(row[0], 15).PadRight(16));
            foreach (var cell in row.Skip(1))
            {
                sb.Append(cell.PadLeft(10)).Append(' ');
            }

            sb.AppendLine();
        }

        sb.AppendLine(new string('=', width));
        var diagnostics = Diagnostics();
        for (int i = 0; i < diagnostics.Count; i += 2)
        {
            sb.AppendLine(Pair(diagnostics[i], 38) + "  " + (i + 1 < diagnostics.Count ? Pair(diagnostics[i + 1], 38) : string.Empty));
        }

        sb.AppendLine(new string('=', width));
        if (Caveats.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Notes:");
            for (int i = 0; i < Caveats.Count; i++)
            {
                sb.Append('[').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("] ").AppendLine(Caveats[i]);
            }
        }

        return sb.ToString();
    }

    private const string DependentVariable = "Dep. Variable";

    /// <summary>A value as the page shows it: escaped, a negative number with the true minus sign (the text summary keeps statsmodels' hyphen).</summary>
    private static string Cell(string text) => AsciiMinus().Replace(HtmlEncode(text), "\u2212");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w.\-])-(?=\d|inf)")]
    private static partial System.Text.RegularExpressions.Regex AsciiMinus();

    /// <summary>The summary as an HTML fragment: one &lt;table&gt; with a caption and three sections, then an ordered list of caveats. All text is HTML-escaped.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.AppendLine("<table class=\"regression-summary\">");
        sb.AppendLine("<caption>OLS Regression Results</caption>");
        sb.AppendLine("<tbody>");
        var left = LeftStatistics();
        var right = RightStatistics();
        for (int i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var l = i < left.Count ? left[i] : (string.Empty, string.Empty);
            var r = i < right.Count ? right[i] : (string.Empty, string.Empty);
            // The page has room for the whole name the text summary cuts, as statsmodels does, to its column.
            l = l.Item1 == DependentVariable ? (l.Item1, results.ResponseName) : l;
            sb.Append("<tr><th scope=\"row\">").Append(HtmlEncode(l.Item1)).Append("</th><td>").Append(Cell(l.Item2))
              .Append("</td><th scope=\"row\">").Append(HtmlEncode(r.Item1)).Append("</th><td>").Append(Cell(r.Item2)).AppendLine("</td></tr>");
        }

        sb.AppendLine("</tbody>");
        sb.AppendLine("<tbody>");
        sb.Append("<tr>");
        foreach (var h in CoefficientHeader())
        {
            sb.Append("<th scope=\"col\">").Append(HtmlEncode(h)).Append("</th>");
        }

        sb.AppendLine("</tr>");
        foreach (var row in CoefficientRows())
        {
            sb.Append("<tr><th scope=\"row\">").Append(HtmlEncode(row[0])).Append("</th>");
            foreach (var cell in row.Skip(1))
            {
                sb.Append("<td>").Append(Cell(cell)).Append("</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.AppendLine("</tbody>");
        sb.AppendLine("<tbody>");
        var diagnostics = Diagnostics();
        for (int i = 0; i < diagnostics.Count; i += 2)
        {
            var r = i + 1 < diagnostics.Count ? diagnostics[i + 1] : (string.Empty, string.Empty);
            sb.Append("<tr><th scope=\"row\">").Append(HtmlEncode(diagnostics[i].Item1)).Append("</th><td>").Append(Cell(diagnostics[i].Item2))
              .Append("</td><th scope=\"row\">").Append(HtmlEncode(r.Item1)).Append("</th><td>").Append(Cell(r.Item2)).AppendLine("</td></tr>");
        }

        sb.AppendLine("</tbody>");
        sb.AppendLine("</table>");
        if (Caveats.Count > 0)
        {
            sb.AppendLine("<ol class=\"regression-caveats\">");
            foreach (var caveat in Caveats)
            {
                sb.Append("<li>").Append(Cell(caveat)).AppendLine("</li>");
            }

            sb.AppendLine("</ol>");
        }

        return sb.ToString();
    }

    internal static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        double magnitude = Math.Abs(value);
        if (value != 0 && (magnitude >= 1e6 || magnitude < 1e-3))
        {
            return value.ToString("0.000e+00", CultureInfo.InvariantCulture);
        }

        return value.ToString("0.0000", CultureInfo.InvariantCulture);
    }

    private static string Probability(double value)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        return value < 1e-3 ? value.ToString("0.00e+00", CultureInfo.InvariantCulture) : value.ToString("0.000", CultureInfo.InvariantCulture);
    }

    private static string Describe(RegressionResults r) => r.CovarianceType switch
    {
        CovarianceType.Classical => "nonrobust",
        CovarianceType.NeweyWest => string.Create(CultureInfo.InvariantCulture, $"HAC({r.NeweyWestLags})"),
        _ => r.CovarianceType.ToString(),
    };

    private static List<string> BuildCaveats(RegressionResults r, IReadOnlyList<string> extraNotes)
    {
        var notes = new List<string>();
        string inference = r.Distribution == InferenceDistribution.StudentT
            ? string.Create(CultureInfo.InvariantCulture, $"tests and intervals use Student t with {r.ResidualDegreesOfFreedom} degrees of freedom")
            : string.Create(CultureInfo.InvariantCulture, $"coefficient tests and intervals use the standard normal (z), and the F test is the Wald test on the robust covariance referred to F({r.ModelDegreesOfFreedom}, {r.ResidualDegreesOfFreedom}), as statsmodels does");
        notes.Add(r.CovarianceType switch
        {
            CovarianceType.Classical => "Covariance: classical (non-robust). Standard errors are valid only if the errors are homoskedastic and uncorrelated; " + inference + ". Consider HC3 or Newey-West if that is doubtful.",
            CovarianceType.NeweyWest => string.Create(CultureInfo.InvariantCulture, $"Covariance: Newey-West HAC with {r.NeweyWestLags} lag(s), Bartlett kernel, {(r.NeweyWestSmallSampleCorrection ? "with" : "without")} the n/(n − k) small-sample correction; robust to heteroskedasticity and autocorrelation up to that lag; ") + inference + ".",
            _ => "Covariance: heteroskedasticity-robust " + r.CovarianceType + "; " + inference + ".",
        });
        int n = r.ObservationCount;
        if (n <= VeryFewObservationsThreshold)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Very few observations (n = {n}, {r.ResidualDegreesOfFreedom} residual degree(s) of freedom): intervals are very wide, the estimates rest on a handful of points, and the normality, autocorrelation and robust-covariance diagnostics are not meaningful."));
        }
        else if (n < FewObservationsThreshold)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Few observations (n = {n} < {FewObservationsThreshold}): large-sample results (Jarque-Bera, robust covariances, the z tests they use) are unreliable; read p values with caution."));
        }

        if (r.ConditionNumber > ConditionNumberThreshold)
        {
            string eigen = r.SmallestEigenvalue < 1e-10
                ? string.Create(CultureInfo.InvariantCulture, $" The smallest eigenvalue of X'X is {r.SmallestEigenvalue:0.00e+00}, so the design is close to singular.")
                : string.Empty;
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"The condition number of the design is large ({r.ConditionNumber:0.00e+00} > {ConditionNumberThreshold:0}): the regressors may be strongly collinear or badly scaled, so individual coefficients can be unstable.") + eigen);
        }

        if (r.IsExactFit)
        {
            notes.Add("The fit is exact up to rounding (residuals below 1e-12 of the data): standard errors are (near) zero and the residual diagnostics are undefined (shown as n/a).");
        }
        else if (r.DurbinWatson < 1.0 || r.DurbinWatson > 3.0)
        {
            string direction = r.DurbinWatson < 1.0 ? "positive" : "negative";
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Durbin-Watson = {r.DurbinWatson:0.000} is far from 2, which suggests {direction} autocorrelation of the residuals: classical and HC standard errors are then too optimistic; consider Newey-West.") );
        }

        notes.AddRange(extraNotes);
        return notes;
    }

    private static string Pair((string Label, string Value) item, int width)
    {
        if (item.Label.Length == 0)
        {
            return new string(' ', width);
        }

        string label = item.Label + ":";
        int room = Math.Max(1, width - label.Length);
        return label + item.Value.PadLeft(room);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private List<(string, string)> LeftStatistics() =>
    [
        (DependentVariable, Truncate(results.ResponseName, 20)),
        ("Model", "OLS"),
        ("Method", "Least Squares"),
        ("No. Observations", results.ObservationCount.ToString(CultureInfo.InvariantCulture)),
        ("Df Residuals", results.ResidualDegreesOfFreedom.ToString(CultureInfo.InvariantCulture)),
        ("Df Model", results.ModelDegreesOfFreedom.ToString(CultureInfo.InvariantCulture)),
        ("Covariance Type", Describe(results)),
    ];

    private List<(string, string)> RightStatistics() =>
    [
        (results.HasConstant ? "R-squared" : "R-squared (uncentered)", results.RSquared.ToString("0.000", CultureInfo.InvariantCulture)),
        (results.HasConstant ? "Adj. R-squared" : "Adj. R-sq. (uncentered)", results.AdjustedRSquared.ToString("0.000", CultureInfo.InvariantCulture)),
        ("F-statistic", results.FStatistic is { } f ? Number(f) : "n/a"),
        ("Prob (F-statistic)", results.FPValue is { } p ? Probability(p) : "n/a"),
        ("Log-Likelihood", Number(results.LogLikelihood)),
        ("AIC", Number(results.Aic)),
        ("BIC", Number(results.Bic)),
    ];

    private List<(string, string)> Diagnostics() =>
    [
        ("Durbin-Watson", Number(results.DurbinWatson)),
        ("Jarque-Bera (JB)", Number(results.JarqueBera)),
        ("Prob(JB)", Probability(results.JarqueBeraPValue)),
        ("Skew", Number(results.Skewness)),
        ("Kurtosis", Number(results.Kurtosis)),
        ("Cond. No.", results.ConditionNumber.ToString("0.00e+00", CultureInfo.InvariantCulture)),
    ];

    private string[] CoefficientHeader()
    {
        string statistic = results.Distribution == InferenceDistribution.StudentT ? "t" : "z";
        double lowerQuantile = (1 - Level) / 2;
        return
        [
            string.Empty, "coef", "std err", statistic, "P>|" + statistic + "|",
            "[" + lowerQuantile.ToString("0.###", CultureInfo.InvariantCulture), (1 - lowerQuantile).ToString("0.###", CultureInfo.InvariantCulture) + "]",
        ];
    }

    private IEnumerable<string[]> CoefficientRows()
    {
        for (int j = 0; j < results.ParameterCount; j++)
        {
            yield return
            [
                results.ParameterNames[j],
                Number(results.Coefficients[j]),
                Number(results.StandardErrors[j]),
                results.TStatistics[j].ToString("0.000", CultureInfo.InvariantCulture),
                Probability(results.PValues[j]),
                Number(intervals[j].Lower),
                Number(intervals[j].Upper),
            ];
        }
    }
}
