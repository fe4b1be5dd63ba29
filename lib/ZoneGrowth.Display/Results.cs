using System.Globalization;
using Microsoft.DotNet.Interactive.Formatting;
using ZoneGrowth.Data;
using ZoneGrowth.Nowcast;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Display;

/// <summary>
/// Publishes a notebook's headline numbers and the data files it read. Each call displays one
/// value whose mime bundle holds a human <c>text/html</c> part and a machine JSON part
/// (<see cref="PublicationContract.ResultMimeType"/> or <see cref="PublicationContract.DataFileMimeType"/>,
/// written by <see cref="PublicationContract"/>) that the runner's results collector reads from the
/// executed notebook with the same contract.
/// </summary>
public static class Results
{
    /// <summary>The mime type of the human part.</summary>
    public const string HtmlMimeType = "text/html";

    /// <summary>Displays a headline number with its interval, unit and description.</summary>
    /// <param name="notebookKey">The notebook's key, e.g. <c>03-target</c>.</param>
    /// <param name="name">The result's name within the notebook.</param>
    /// <param name="value">The value; must be finite.</param>
    /// <param name="low">The lower end of its interval, or null.</param>
    /// <param name="high">The upper end of its interval, or null.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="description">One sentence saying what the value is.</param>
    /// <exception cref="ArgumentException">An empty key or name, or a value or bound that is not finite.</exception>
    public static void Publish(string notebookKey, string name, double value, double? low, double? high, string unit, string description)
    {
        var result = PublishedResult.Create(notebookKey, name, value, low, high, unit, description);
        EnsureFormatters();
        result.Display(HtmlMimeType, PublicationContract.ResultMimeType);
    }

    /// <summary>
    /// Publishes the latest value of a series as <c>{name}_level</c> (its year, status and basis in
    /// the description) and, when a growth rate was published with it, <c>{name}_growth_pct</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The series has no point.</exception>
    public static void PublishLatest(string notebookKey, string name, IndicatorSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var point = series.Points.LastOrDefault() ?? throw new ArgumentException($"The series {series.Zone} {series.Indicator.Id} has no value to publish.", nameof(series));
        var o = point.Observation;
        var basis = o.Basis.Length > 0 ? $", basis {o.Basis}" : string.Empty;
        Publish(notebookKey, name + "_level", point.Value, null, null, series.Unit.Code,
            string.Create(CultureInfo.InvariantCulture, $"{series.Zone} {series.Indicator.EnglishName} in {point.Year} ({point.Status.ToText()}{basis}); source: {o.Source}."));
        if (!point.IsDerived && o.GrowthPercent is { } growth)
        {
            Publish(notebookKey, name + "_growth_pct", growth, null, null, "percent",
                string.Create(CultureInfo.InvariantCulture, $"{series.Zone} {series.Indicator.EnglishName}: growth published with the {point.Year} figure ({series.Indicator.GrowthBasis.ToString().ToLowerInvariant()})."));
        }
    }

    /// <summary>
    /// Publishes a nowcast's key figures: <c>p_met</c> (the headline P(target met), with the range
    /// across bridges as low and high) and <c>nowcast_YYYY</c> for every year from the one after the
    /// last published value to the target year (the headline's median, with its 90 % interval).
    /// </summary>
    public static void Publish(string notebookKey, NowcastAssessment nowcast)
    {
        ArgumentNullException.ThrowIfNull(nowcast);
        var target = nowcast.Assessment.Target;
        var headline = nowcast.Headline;
        var probabilities = nowcast.Probabilities.Select(p => p.Probability).ToArray();
        Publish(notebookKey, "p_met", nowcast.Probability.Probability, probabilities.Min(), probabilities.Max(), "probability",
            $"P(target met in {target.Year}) under the nowcast {headline.Bridge.Describe()}; low and high: the range across bridges.");
        for (var year = headline.LastYear + 1; year <= target.Year; year++)
        {
            var (median, low, high) = headline.Level(year);
            Publish(notebookKey, string.Create(CultureInfo.InvariantCulture, $"nowcast_{year}"), median, low, high, target.Unit.Code,
                string.Create(CultureInfo.InvariantCulture, $"Nowcast of {target.Zone} {target.Indicator.EnglishName} in {year} ({headline.Bridge.Describe()}), 90 % interval."));
        }
    }

    /// <summary>Displays the path, SHA-256 and row count of a data file the notebook read.</summary>
    /// <exception cref="ArgumentException">An empty path or hash, or a negative row count.</exception>
    public static void PublishDataFile(DataFileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (string.IsNullOrWhiteSpace(file.Path) || string.IsNullOrWhiteSpace(file.Sha256) || file.Rows < 0)
        {
            throw new ArgumentException($"A data file needs a path, a SHA-256 and a row count of at least 0; got {file}.", nameof(file));
        }

        EnsureFormatters();
        file.Display(HtmlMimeType, PublicationContract.DataFileMimeType);
    }

    /// <summary>
    /// Registers the four formatters of published values unless they are the current ones
    /// (formatters are process-wide and a host may reset them between notebooks).
    /// </summary>
    internal static void EnsureFormatters()
    {
        EnsureFormatter<PublishedResult>(HtmlMimeType, Html.Of);
        EnsureFormatter<PublishedResult>(PublicationContract.ResultMimeType, PublicationContract.ToJson);
        EnsureFormatter<DataFileInfo>(HtmlMimeType, Html.Of);
        EnsureFormatter<DataFileInfo>(PublicationContract.DataFileMimeType, PublicationContract.ToJson);
    }

    /// <summary>Registers a formatter of <typeparamref name="T"/> for <paramref name="mimeType"/> unless one of ours is registered already.</summary>
    internal static void EnsureFormatter<T>(string mimeType, Func<T, string> format)
    {
        // Formatter.GetPreferredFormatterFor throws for a mime type nobody registered; the list does not.
        if (!Formatter.RegisteredFormatters(true).Any(f => f is TextFormatter<T> && f.MimeType == mimeType))
        {
            Formatter.Register(new TextFormatter<T>(mimeType, format));
        }
    }
}
