using System.Globalization;
using Microsoft.DotNet.Interactive.Formatting;
using ZoneGrowth.Data;
using ZoneGrowth.Publishing;
using ZoneGrowth.Targets;

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
    public const string HtmlMimeType = MimeTypes.Html;

    /// <summary>The mime type of plain text.</summary>
    public const string PlainTextMimeType = MimeTypes.PlainText;

    /// <summary>Displays a headline number with its interval, unit and description.</summary>
    /// <param name="notebookKey">The notebook's key, e.g. <c>03-target</c>.</param>
    /// <param name="name">The result's name within the notebook.</param>
    /// <param name="value">The value; must be finite.</param>
    /// <param name="low">The lower end of its interval, or null.</param>
    /// <param name="high">The upper end of its interval, or null.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="description">One sentence saying what the value is.</param>
    /// <exception cref="ArgumentException">An empty key or name, or a value or bound that is not finite.</exception>
    /// <param name="interval">What low and high are; required when they are given.</param>
    public static void Publish(string notebookKey, string name, double value, double? low, double? high, string unit, string description, IntervalKind interval = IntervalKind.None)
    {
        var result = PublishedResult.Create(notebookKey, name, value, low, high, unit, description, interval);
        EnsureFormatters();
        result.Display(HtmlMimeType, PublicationContract.ResultMimeType, PlainTextMimeType);
    }

    /// <summary>
    /// Publishes the latest value of a series as <c>{name}_level</c> (its year, status and basis in
    /// the description) and, when a growth rate was published with it, <c>{name}_growth_pct</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The series has no point.</exception>
    public static void PublishLatest(string notebookKey, string name, IndicatorSeries series) => Publish(Latest(notebookKey, name, series));

    /// <summary>Publishes the latest value of several series (<see cref="PublishLatest(string, string, IndicatorSeries)"/>) as one table.</summary>
    /// <exception cref="ArgumentException">A series has no point.</exception>
    public static void PublishLatest(string notebookKey, params (string Name, IndicatorSeries Series)[] series)
    {
        ArgumentNullException.ThrowIfNull(series);
        Publish(series.SelectMany(s => Latest(notebookKey, s.Name, s.Series)).ToArray());
    }

    private static IEnumerable<PublishedResult> Latest(string notebookKey, string name, IndicatorSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var point = series.Points.LastOrDefault() ?? throw new ArgumentException(LibraryMessages.NothingToPublish(series), nameof(series));
        var o = point.Observation;
        var basis = o.Basis.Length > 0 ? $", {BasisText.Phrase(o.Basis)}" : string.Empty;
        yield return PublishedResult.Create(notebookKey, name + "_level", point.Value, null, null, series.Unit.Code,
            string.Create(CultureInfo.InvariantCulture, $"{series.Zone} {series.Indicator.EnglishNameInSentence} in {point.Year} ({point.Status.ToText()}{basis}; source {Html.ShortSource(o.Source)})"));
        if (!point.IsDerived && o.GrowthPercent is { } growth)
        {
            yield return PublishedResult.Create(notebookKey, name + "_growth_pct", growth, null, null, "percent",
                string.Create(CultureInfo.InvariantCulture, $"{series.Zone} {series.Indicator.EnglishNameInSentence}: growth published with the {point.Year} figure ({series.Indicator.GrowthBasis.ToString().ToLowerInvariant()})."));
        }
    }


    /// <summary>Publishes the key figure a result declares (e.g. <c>required.KeyFigure("03-target")</c>), with its interval's kind.</summary>
    public static void Publish(PublishedResult figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        EnsureFormatters();
        figure.Display(HtmlMimeType, PublicationContract.ResultMimeType, PlainTextMimeType);
    }

    /// <summary>
    /// Publishes the key figures a result declares (each with its interval's kind), e.g.
    /// <see cref="TargetOutlook.KeyFigures"/>, as one table whose machine part is a JSON array of them.
    /// </summary>
    public static void Publish(IEnumerable<PublishedResult> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        EnsureFormatters();
        new PublishedResults(figures.ToArray()).Display(HtmlMimeType, PublicationContract.ResultMimeType, PlainTextMimeType);
    }

    /// <summary>
    /// Shows a notebook's answer to its question (the answer box) and publishes it: the run puts the same block at
    /// the top of <c>index.html</c>, starts its summary with the headline and keeps it in <c>results.json</c>.
    /// </summary>
    /// <param name="notebookKey">The notebook's key, e.g. <c>03-target</c>.</param>
    /// <param name="answer">The answer the outlook writes (<see cref="TargetOutlook.Answer"/>).</param>
    public static void Publish(string notebookKey, PublishedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var published = answer.For(notebookKey);
        EnsureFormatters();
        // Text too, for Jupyter's console, plain-text viewers and diffs.
        published.Display(HtmlMimeType, PublicationContract.AnswerMimeType, PlainTextMimeType);
    }

    /// <summary>Displays the path, SHA-256 and row count of a data file the notebook read.</summary>
    /// <exception cref="ArgumentException">An empty path or hash, or a negative row count.</exception>
    public static void PublishDataFile(DataFileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (string.IsNullOrWhiteSpace(file.Path) || string.IsNullOrWhiteSpace(file.Sha256) || file.Rows < 0)
        {
            throw new ArgumentException(LibraryMessages.DataFileIncomplete(file), nameof(file));
        }

        EnsureFormatters();
        file.Display(HtmlMimeType, PublicationContract.DataFileMimeType, PlainTextMimeType);
    }

    /// <summary>
    /// Registers the formatters of published values unless they are the current ones
    /// (formatters are process-wide and a host may reset them between notebooks).
    /// </summary>
    internal static void EnsureFormatters()
    {
        EnsureFormatter<PublishedResult>(HtmlMimeType, Html.Of);
        EnsureFormatter<PublishedResult>(PlainTextMimeType, v => PlainText.From(Html.Of(v)));
        EnsureFormatter<PublishedResult>(PublicationContract.ResultMimeType, PublicationContract.ToJson);
        EnsureFormatter<PublishedResults>(HtmlMimeType, Html.Of);
        EnsureFormatter<PublishedResults>(PlainTextMimeType, v => PlainText.From(Html.Of(v)));
        EnsureFormatter<PublishedResults>(PublicationContract.ResultMimeType, PublicationContract.ToJson);
        EnsureFormatter<PublishedAnswer>(HtmlMimeType, Html.Of);
        EnsureFormatter<PublishedAnswer>(PublicationContract.AnswerMimeType, PublicationContract.ToJson);
        EnsureFormatter<PublishedAnswer>(PlainTextMimeType, AnswerHtml.Text);
        EnsureFormatter<DataFileInfo>(HtmlMimeType, Html.Of);
        EnsureFormatter<DataFileInfo>(PlainTextMimeType, v => PlainText.From(Html.Of(v)));
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
