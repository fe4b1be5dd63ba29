using System.Globalization;
using System.Net;
using System.Text;
using ZoneGrowth.Data;
using ZoneGrowth.Nowcast;
using ZoneGrowth.Publishing;
using ZoneGrowth.Targets;
using static System.Net.WebUtility;

namespace ZoneGrowth.Display;

/// <summary>HTML renderings of the target outlook's parts: the answer box, the verdict as prose, and its tables.</summary>
public static partial class Html
{
    private const string ProseStyle = "font-family:inherit;font-size:1em;line-height:1.45;max-width:48em";

    /// <summary>A published answer: the block <see cref="AnswerHtml"/> renders, the same in every view.</summary>
    public static string Of(PublishedAnswer answer) => AnswerHtml.Render(answer);

    /// <summary>What moved the answer since the data compared: P then and now, and each changed figure with P without the change and its part in points.</summary>
    public static string Of(OutlookAttribution attribution)
    {
        ArgumentNullException.ThrowIfNull(attribution);
        if (attribution.NotComparable is { } why)
        {
            return Of(new Prose(why));
        }

        if (attribution.WasProbability is not { } was)
        {
            return Of(new Prose(string.Create(CultureInfo.InvariantCulture, $"The data hold the same figures as {attribution.Compared}: nothing moved the answer.")));
        }

        var table = new Table(string.Create(CultureInfo.InvariantCulture,
            $"What moved the answer since {attribution.Compared}: P {KeyFigureText.Number(was, "probability")} → {KeyFigureText.Number(attribution.Probability, "probability")} ({100 * (attribution.Probability - was):+0.0;−0.0;0.0} points)"),
            "figure", "P without this change", "its part (points)");
        foreach (var c in attribution.Changes)
        {
            var background = c.IsRead ? null : NotReportedColour;
            table.AddRow(
                new TableCell(c.Words, background, !c.IsRead),
                new TableCell(c.IsRead ? KeyFigureText.Number(c.Without, "probability") : "not read", background, !c.IsRead, Numeric: true),
                new TableCell(c.Points.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture), background, !c.IsRead, Numeric: true));
        }

        if (Math.Abs(attribution.Interplay) >= 0.05)
        {
            table.AddRow(new TableCell("the changes together, beyond their parts", Italic: true), "", new TableCell(attribution.Interplay.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture), Numeric: true, Italic: true));
        }

        table.AddNote("Each part is P now minus P with that one change undone and every other kept; when changes interact the parts need not add up to the whole, and the last row gives the rest. Grey: figures of indicators the outlook does not read.");
        return table.ToHtml();
    }

    /// <summary>A paragraph of prose in the body font.</summary>
    public static string Of(Prose prose)
    {
        ArgumentNullException.ThrowIfNull(prose);
        return "<div class=\"zonegrowth zg-prose\" style=\"" + ProseStyle + "\"><p style=\"margin:4px 0\">" + HtmlEncode(prose.Text) + "</p></div>";
    }

    /// <summary>The verdict as headed paragraphs of prose in the body font, the answer box first.</summary>
    public static string Of(OutlookVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var html = new StringBuilder();
        html.Append("<div class=\"zonegrowth zg-verdict\" style=\"").Append(ProseStyle).Append("\">");
        foreach (var (heading, text) in verdict.Sections)
        {
            html.Append("<p style=\"margin:0 0 10px 0\"><strong>").Append(HtmlEncode(heading)).Append(".</strong> ").Append(HtmlEncode(text)).Append("</p>");
        }

        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>
    /// The evidence on prices as one row per year: the zone's and the province's GDP deflators, the zone's
    /// excess over the province, then the context (the city's deflator, the province's consumer and producer
    /// prices). What the prior uses is marked: the excess (bold) and the regional level (blue); context is grey.
    /// How each deflator was computed is on hover. The prior follows in a note.
    /// </summary>
    public static string Of(ZonePricePrior prior)
    {
        ArgumentNullException.ThrowIfNull(prior);
        var columns = prior.Evidence
            .Select(e => (e.Zone, e.Measure))
            .Distinct()
            .OrderBy(c => c.Zone == prior.Zone ? 0 : c.Zone == prior.Comparator ? (c.Measure == "GDP deflator" ? 1 : 4) : c.Measure == "excess" ? 2 : 3)
            .ThenBy(c => c.Zone, StringComparer.Ordinal).ThenBy(c => c.Measure, StringComparer.Ordinal)
            .ToArray();
        var headers = new List<string> { "year" };
        headers.AddRange(columns.Select(c => c.Measure == "excess" ? $"{c.Zone} (points)" : $"{c.Zone} {c.Measure}"));
        var table = new Table(string.Create(CultureInfo.InvariantCulture, $"The evidence on {prior.Zone}'s prices (change on the previous year)"), headers);
        foreach (var year in prior.Evidence.Select(e => e.Year).Distinct().Order())
        {
            var cells = new List<TableCell> { KeyFigureText.Integer(year) };
            foreach (var (zone, measure) in columns)
            {
                var e = prior.Evidence.Where(x => x.Year == year && x.Zone == zone && x.Measure == measure).OrderBy(x => x.Use).FirstOrDefault();
                if (e is null)
                {
                    cells.Add(new TableCell("", Numeric: true));
                    continue;
                }

                var text = e.Use == PriceEvidenceUse.Excess ? (100 * e.Value).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) : KeyFigureText.Signed(e.Rate);
                cells.Add(e.Use switch
                {
                    PriceEvidenceUse.RegionalLevel => new TableCell(text, MetColour, Tooltip: e.Formula + ": the regional level", Numeric: true),
                    PriceEvidenceUse.Excess => new TableCell(text, "#e8eef5", Tooltip: e.Formula, Numeric: true),
                    PriceEvidenceUse.Context => new TableCell(text, NotReportedColour, true, e.Formula, Numeric: true),
                    _ => new TableCell(text, Tooltip: e.Formula, Numeric: true),
                });
            }

            table.AddRow(cells);
        }

        table.AddNote(string.Create(CultureInfo.InvariantCulture,
            $"The prior of {prior.Zone}'s price growth a year in {string.Join(", ", prior.Years)}: centre {KeyFigureText.Signed(Math.Exp(prior.Mean) - 1)}, 90 % between {KeyFigureText.Signed(Math.Exp(prior.Quantile(0.05)) - 1)} and {KeyFigureText.Signed(Math.Exp(prior.Quantile(0.95)) - 1)}: {prior.Rule}."));
        table.AddNote("Blue: the regional price level; shaded: the zone's excess over its province, in log points (the zone's deflator minus the province's); grey italics: context, shown and not used. A GDP deflator is nominal ÷ real growth − 1 from two levels on one basis (first releases unless marked); an excess compares first releases of both, so a routine revision of the earlier year, which both undergo, largely cancels.");
        table.AddHint("Hover over a deflator for the levels it is computed from.");
        return table.ToHtml();
    }

    /// <summary>The census-year evidence on whether revenue moves with a census revision of GDP, with the prior and the result.</summary>
    public static string Of(RevisionLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var table = new Table("Does revenue move with a census revision of GDP? The census years in the data",
            "step", "change of revenue ÷ GDP", "typical drift a year (other steps)", "P(the census year's GDP is revised)", "evidence for \"revenue stays\" (Bayes factor)");
        foreach (var s in link.Steps)
        {
            table.AddRow(
                string.Create(CultureInfo.InvariantCulture, $"{s.FromYear}–{s.ToYear} (census year {s.ToYear})"),
                new TableCell(KeyFigureText.Signed(Math.Exp(s.Change) - 1), Numeric: true),
                new TableCell(string.Create(CultureInfo.InvariantCulture, $"{100 * s.DriftSd:0.0} % ({s.DegreesOfFreedom:0} {(s.DegreesOfFreedom == 1 ? "step" : "steps")})"), Numeric: true),
                new TableCell(KeyFigureText.Number(s.ProbabilityLevelRevised, "probability"), Numeric: true, Tooltip: s.Level.Note),
                new TableCell(s.BayesFactor.ToString("0.0", CultureInfo.InvariantCulture), Numeric: true));
        }

        if (link.Steps.Count == 0)
        {
            table.AddNote("No step of revenue ÷ GDP in the data ends in a census year: the prior stands.");
        }

        table.AddNote(string.Create(CultureInfo.InvariantCulture,
            $"Prior {KeyFigureText.Number(link.PriorProbability, "probability")} that revenue moves with the revision; after the evidence {KeyFigureText.Number(link.Probability, "probability")}. If the census year's GDP is the revised level and revenue did not follow, revenue ÷ GDP falls by the revision (taken as uniform up to +16 %); if revenue moved with it, or the level is a first release, the step is drift alone, Student t at the other steps' scale."));
        return table.ToHtml();
    }

    /// <summary>P(target met) under each stated choice, the headline first and in bold.</summary>
    public static string Of(IEnumerable<OutlookCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var table = new Table("P(target met) under each stated choice", "assumption", "P(met)");
        foreach (var c in cases)
        {
            var headline = c.Kind == OutlookCaseKind.Headline;
            table.AddRow(
                new TableCell(char.ToUpperInvariant(c.Assumption[0]) + c.Assumption[1..], headline ? MetColour : null),
                new TableCell(KeyFigureText.Number(c.Probability, "probability"), headline ? MetColour : null, Numeric: true));
        }

        table.AddNote("The headline integrates over every stated choice with its prior; each other row fixes one choice at one of its ends, or leaves one piece of evidence out.");
        return table.ToHtml();
    }

    /// <summary>Where the uncertainty of the target year's log value comes from.</summary>
    public static string Of(IEnumerable<VarianceShare> budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var rows = budget.ToArray();
        var total = Math.Sqrt(rows.Sum(r => r.Sd * r.Sd));
        var table = new Table("Where the uncertainty of the target year's value comes from (at the estimated scales)", "source of error", "standard deviation", "share of the variance", "margin");
        foreach (var r in rows)
        {
            table.AddRow(
                char.ToUpperInvariant(r.Source[0]) + r.Source[1..],
                new TableCell(string.Create(CultureInfo.InvariantCulture, $"{100 * r.Sd:0.0} %"), Numeric: true),
                new TableCell(string.Create(CultureInfo.InvariantCulture, $"{100 * r.Share:0} %"), Numeric: true),
                double.IsPositiveInfinity(r.DegreesOfFreedom) ? "normal (sd taken as known)" : string.Create(CultureInfo.InvariantCulture, $"Student t, {r.DegreesOfFreedom:0} degrees of freedom"));
        }

        table.AddNote(string.Create(CultureInfo.InvariantCulture,
            $"In all {100 * total:0.0} % (standard deviation of the log value). Standard deviations on the log scale: 5 % is about ±5 %. A scale estimated from few points widens the tails beyond this (Student t), which the probability counts."));
        return table.ToHtml();
    }

    /// <summary>The scales estimated from few points, with their uncertainty.</summary>
    public static string Of(IEnumerable<ScaleParameter> scales)
    {
        ArgumentNullException.ThrowIfNull(scales);
        var table = new Table("Parameters estimated from a few points, each with its own uncertainty", "parameter", "estimate", "90 % interval", "from", "evidence");
        foreach (var s in scales)
        {
            var (low, high) = s.Interval90;
            table.AddRow(
                char.ToUpperInvariant(s.Name[0]) + s.Name[1..],
                new TableCell(string.Create(CultureInfo.InvariantCulture, $"{100 * s.Sd:0.0} %"), Numeric: true),
                new TableCell(string.Create(CultureInfo.InvariantCulture, $"{100 * low:0.0} to {100 * high:0.0} %"), Numeric: true),
                string.Create(CultureInfo.InvariantCulture, $"{s.DegreesOfFreedom:0} {(s.DegreesOfFreedom == 1 ? "change" : "changes")}"),
                s.Evidence);
        }

        table.AddNote("Standard deviations on the log scale. Each is drawn at its scaled inverse-χ² uncertainty (ν = the number of changes), so what rests on it is Student t, not normal.");
        return table.ToHtml();
    }

    /// <summary>
    /// Every related figure of the zone and what the outlook does with it: the figure (indicator, year, basis, status,
    /// value), then how it is used, or why it is not (grey italics, in the same column). Nothing related is left out of the table.
    /// </summary>
    public static string Of(IEnumerable<EvidenceRow> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var rows = evidence.ToArray();
        var used = rows.Count(r => r.IsUsed);
        var table = new Table(string.Create(CultureInfo.InvariantCulture, $"How each related figure enters the answer: {used} used, {rows.Length - used} not used"), "figure", "value", "line", "how it enters");
        foreach (var r in rows)
        {
            var o = r.Row;
            var background = r.IsUsed ? null : NotReportedColour;
            var figure = r.Figure;
            table.AddRow(
                new TableCell(figure, background, !r.IsUsed, $"{o.Indicator.EnglishName} ({o.Indicator.ChineseName}); {o.Source}"),
                new TableCell(KeyFigureText.Published(o) + (o.GrowthPercent is { } g ? string.Create(CultureInfo.InvariantCulture, $" ({KeyFigureText.Signed(g / 100)})") : string.Empty), background, !r.IsUsed, Numeric: true),
                new TableCell(KeyFigureText.Integer(o.Location.Line), background, !r.IsUsed, Path.GetFileName(o.Location.File), Numeric: true),
                new TableCell(r.IsUsed ? UseWords(r) : "not used: " + r.Words, background, !r.IsUsed));
        }

        table.AddNote("Every figure of the indicators the target is tied to (data/relations.csv) for the zone, from the year the model starts. A figure is used as evidence on a value (with the error its status implies), as a bound (only paths that respect it count), as the outcome, or in a scale or prior the model rests on; otherwise the last column says why it is not used. The value's growth rate, where one was published, is in brackets.");
        return table.ToHtml();
    }

    private static string UseWords(EvidenceRow row) => row.Use switch
    {
        EvidenceUse.Bound => row.Words,
        EvidenceUse.Outcome => "the outcome: " + row.Words,
        EvidenceUse.Scale or EvidenceUse.Prior => row.Words,
        _ => row.Words,
    };

    /// <summary>The simulated nowcast: each bridged year's median and 90 % interval, the first-crossing shares, and the check against the closed form.</summary>
    public static string Of(OutlookSimulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var target = simulation.Outlook.Target;
        var unit = target.Unit.Code;
        var table = new Table(string.Create(CultureInfo.InvariantCulture, $"{target.Zone} {target.Indicator.Short}, {unit}: nowcast of each year from the simulated paths"),
            "year", "median", "90 % interval", "first year at or above the target");
        var crossing = simulation.FirstCrossing.ToDictionary(f => f.Year, f => f.Probability);
        foreach (var year in simulation.Years)
        {
            var level = year.Probabilities.Select((p, i) => (p, year.Levels[i])).ToDictionary(x => x.p, x => x.Item2);
            table.AddRow(
                KeyFigureText.Integer(year.Year),
                new TableCell(KeyFigureText.Estimate(level[0.5], ""), Numeric: true, Italic: true),
                new TableCell(string.Create(CultureInfo.InvariantCulture, $"{KeyFigureText.Estimate(level[0.05], "")} to {KeyFigureText.Estimate(level[0.95], "")}"), Numeric: true, Italic: true),
                new TableCell(string.Create(CultureInfo.InvariantCulture, $"{100 * crossing[year.Year]:0} % of paths"), Numeric: true));
        }

        table.AddRow("not by " + KeyFigureText.Integer(target.Year), "", "", new TableCell(string.Create(CultureInfo.InvariantCulture, $"{100 * simulation.NotCrossed:0} % of paths"), NotMetColour, Numeric: true));
        var gap = Math.Abs(simulation.Probability - simulation.Outlook.Probability);
        table.AddNote(string.Create(CultureInfo.InvariantCulture,
            $"{simulation.Options.Paths:#,0} paths (seed {simulation.Options.Seed}); {simulation.Accepted:#,0} inside the bounds and kept after the silence, worth {simulation.EffectivePaths:#,0} equally weighted paths once each draw of the scales is weighed by the evidence. P(met) simulated {simulation.Probability:0.0000} ± {simulation.StandardError:0.0000}: {gap / simulation.StandardError:0.0} standard errors from the closed form, {KeyFigureText.Number(simulation.Outlook.Probability, "probability")}."));
        table.AddNote("Every value is the model's estimate given all the related figures (italics), published or not; none is written back to the data files.");
        return table.ToHtml();
    }

    /// <summary>
    /// Published figures as an economist reads them: indicator (catalog name), year and period, value at its
    /// published precision with its unit, status, growth published with it, basis in words, and the source's
    /// site (the full address, the quote and the data file's line on hover). Bounds and figures that are not
    /// outcomes are in italics on grey.
    /// </summary>
    public static string Of(IEnumerable<Data.Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var rows = observations.ToArray();
        var table = new Table(string.Create(CultureInfo.InvariantCulture, $"{rows.Length} published figure{(rows.Length == 1 ? string.Empty : "s")}"), "indicator", "year", "value", "status", "growth published with it", "basis", "source");
        foreach (var basis in rows.Select(o => o.Basis).Where(b => b.Length > 0).Distinct())
        {
            table.AddNote(string.Create(CultureInfo.InvariantCulture, $"Basis “{BasisText.Brief(basis)}”: {BasisText.Describe(basis)}."));
        }

        foreach (var o in rows)
        {
            var marked = o.Status != Data.ObservationStatus.Reported;
            var background = marked ? NotReportedColour : null;
            var growth = o.GrowthPercent is { } g ? string.Create(CultureInfo.InvariantCulture, $"{KeyFigureText.Signed(g / 100)} ({o.Indicator.GrowthBasis.ToString().ToLowerInvariant()})") : "—";
            table.AddRow(
                new TableCell(o.Indicator.Short, background, marked, $"{o.Indicator.EnglishName} ({o.Indicator.ChineseName})"),
                new TableCell(YearOf(o), background, marked),
                new TableCell(KeyFigureText.Published(o), background, marked, Numeric: true),
                new TableCell(o.Status.ToText() + (o.IsInferred ? " (inferred)" : string.Empty), background, marked, o.IsInferred ? o.Note : null),
                new TableCell(growth, background, marked, Numeric: true),
                new TableCell(o.Basis.Length == 0 ? "first release" : BasisText.Brief(o.Basis), background, marked, o.Basis.Length == 0 ? null : BasisText.Phrase(o.Basis)),
                new TableCell(ShortSource(o.Source), background, marked, string.Create(CultureInfo.InvariantCulture, $"{o.Source}{(o.Quote.Length > 0 ? " — " + o.Quote : string.Empty)} ({Path.GetFileName(o.Location.File)}, line {o.Location.Line})"), Source: o.Source));
        }

        table.AddNote("Italics on grey: estimates, approximate figures and bounds (not outcomes). Year-to-date figures (Q1, H1, Q1-Q3) cover the year from January.");
        table.AddHint("Hover over a source for its address, the quoted sentence and the data file's line.");
        return table.ToHtml();
    }

}
