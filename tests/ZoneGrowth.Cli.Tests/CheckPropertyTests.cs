using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using ZoneGrowth.Audit;
using ZoneGrowth.Cli;
using ZoneGrowth.Data;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Cli.Tests;

/// <summary>
/// Property test of <c>check</c> (CsCheck: generated, shrunk to the simplest failing case, reproducible from the
/// printed seed): rows appended to a copy of the shipped data/hhz-indicators.csv, one to several per case, of any
/// catalog indicator, a catalog zone or an unknown one, years 2015-2031, every status, period and kind of basis,
/// publication dates missing, to the year or to the day, values plausible and not (negative, zero, huge, shares
/// over 100), with and without growth, sometimes with a note that overrides the plausibility rules so that odd
/// values reach the series and the audit. Whatever the rows, the command exits 0 or 1 and never with an
/// exception; every problem it prints names the file and a line; and on an accepted file every series, the
/// consistency audit and the 2025 target's outlook are computed without an exception (the outlook may refuse data it
/// cannot use, saying what to add or which lines to check).
/// </summary>
public sealed partial class CheckPropertyTests
{
    private const int Cases = 400;

    private static readonly string ShippedText = File.ReadAllText(WorkbookPaths.DefaultDataFile);

    private static readonly DataSet Shipped = DataSet.LoadDefault();

    /// <summary>Every catalog indicator with the unit it is measured in.</summary>
    private static readonly (string Id, string Unit)[] Indicators = Shipped.Catalog.Indicators.Select(i => (i.Id, i.Unit.Code)).ToArray();

    /// <summary>The zones of data/zones.csv, and one the catalog does not know.</summary>
    private static readonly string[] Zones = [.. Shipped.ZoneCatalog.Zones.Select(z => z.Id), "Nowhere"];

    private static readonly string[] Statuses = ["reported", "estimate", "target", "lower-bound", "upper-bound", "approximate"];

    private static readonly string[] Periods = ["", "Q1", "H1", "Q1-Q3", "M1-M8"];

    private static readonly string[] BasisLabels = ["", "", "census5", "census4", "rebase-a"];

    /// <summary>Units as written: right for some indicators, another unit of the same kind, or of another kind.</summary>
    private static readonly string[] OtherUnits = ["亿元", "万亿元", "billion RMB", "十亿元", "万元", "元", "count", "家", "percent", "%"];

    private static readonly Gen<string> Published = Gen.Frequency(
        (2, Gen.Const(string.Empty)),
        (2, Gen.Int[2015, 2032].Select(y => y.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Select(Gen.Int[2015, 2032], Gen.Int[1, 12], (y, m) => string.Create(CultureInfo.InvariantCulture, $"{y}-{m:00}"))),
        (2, Gen.Select(Gen.Int[2015, 2032], Gen.Int[1, 12], Gen.Int[1, 28], (y, m, d) => string.Create(CultureInfo.InvariantCulture, $"{y}-{m:00}-{d:00}"))));

    private static readonly Gen<string> Value = Gen.Frequency(
        (3, Gen.Double[100, 100000].Select(v => v.ToString("0.#", CultureInfo.InvariantCulture))),
        (3, Gen.Double[0, 100].Select(v => v.ToString("0.##", CultureInfo.InvariantCulture))),
        (2, Gen.OneOf("0", "-5", "-0.1", "145", "100.5", "1e27", "1e20", "99999999999999999999999999", "0.0000001", "7.9e28")));

    private static readonly Gen<string> Growth = Gen.Frequency(
        (3, Gen.Const(string.Empty)),
        (2, Gen.Double[-20, 40].Select(v => v.ToString("0.#", CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("-100", "-150", "0", "250", "1e27")));

    private static readonly Gen<string> Note = Gen.Frequency(
        (4, Gen.Const(string.Empty)),
        (1, Gen.Const("[allow level-jump: generated]")),
        (2, Gen.Const("[allow level-jump: generated] [allow growth-contradicts-level: generated] [allow zone-above-parent: generated] [allow part-above-whole: generated]")));

    /// <summary>
    /// Where a case's rows gather, so that they meet each other and the shipped rows (several releases and bases of one
    /// figure, neighbouring years): a shipped row's zone, indicator and year, or any.
    /// </summary>
    private static readonly Gen<(int Indicator, int Zone, int Year)> Focus = Gen.Frequency(
        (1, Gen.Select(Gen.Int[0, Indicators.Length - 1], Gen.Int[0, Zones.Length - 1], Gen.Int[2015, 2031])),
        (2, Gen.OneOf(Shipped.Observations.Select(o => (Indicator: Array.FindIndex(Indicators, i => i.Id == o.Indicator.Id), Zone: Array.IndexOf(Zones, o.Zone), Year: o.Year)).Distinct().ToArray())));

    /// <summary>A row: at the case's focus (its zone and indicator, its year or a neighbour), or anywhere.</summary>
    private static Gen<string> Row((int Indicator, int Zone, int Year) focus) => Gen.Select(
        Gen.Frequency((2, Gen.Const(focus)), (1, Gen.Int[-1, 1].Select(d => (focus.Indicator, focus.Zone, Year: focus.Year + d))), (2, Focus)),
        Gen.OneOf(Periods), Value,
        Gen.Frequency((8, Gen.Const((string?)null)), (1, Gen.OneOf(OtherUnits).Select(u => (string?)u))),
        Gen.OneOf(Statuses), Growth, Gen.OneOf(BasisLabels), Published,
        Gen.Frequency((20, Gen.Const("example.org/generated")), (1, Gen.Const(string.Empty))), Note,
        (at, period, value, unit, status, growth, basis, published, source, note) =>
            string.Join(",", Zones[at.Zone], Indicators[at.Indicator].Id, at.Year.ToString(CultureInfo.InvariantCulture), period, value,
                unit ?? Indicators[at.Indicator].Unit, status, growth, basis, published, source, string.Empty, note));

    /// <summary>One to five rows gathered around a focus.</summary>
    private static readonly Gen<string[]> Rows = Focus.SelectMany(focus => Row(focus).Array[1, 5]);

    /// <summary>The first line of each problem <c>check</c> prints: "path, line 83, column 5 (value): found "…"".</summary>
    [GeneratedRegex(@"^(?<file>.+), line (?<line>[0-9]+)(, column [^:]+)?: found """, RegexOptions.CultureInvariant)]
    private static partial Regex ProblemHead();

    [Fact]
    public void CheckExitsZeroOrOneWithLocatedProblemsAndAnAcceptedFileHasEverySeriesAndTheAudit()
    {
        var shippedLines = ShippedText.Split('\n').Length;
        var accepted = 0;
        var outlooks = 0;
        Rows.Sample(rows =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"zonegrowth-check-{Guid.NewGuid():N}.csv");
            File.WriteAllText(path, ShippedText + string.Concat(rows.Select(r => r + "\n")), new UTF8Encoding(false));
            try
            {
                using var output = new StringWriter();
                using var error = new StringWriter();
                var code = WorkbookCommand.Run(["check", path], output, error);
                var (printed, problems) = (output.ToString(), error.ToString());

                Assert.True(code is WorkbookCommand.Success or WorkbookCommand.DataProblems, $"exit code {code}: {problems}");
                foreach (var text in new[] { printed, problems })
                {
                    Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
                    Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
                }

                if (code == WorkbookCommand.DataProblems)
                {
                    var blocks = problems.TrimEnd().Split(Environment.NewLine + Environment.NewLine);
                    Assert.Matches("^[0-9]+ problems? found; nothing was loaded\\.$", blocks[0]);
                    Assert.True(blocks.Length > 1, problems);
                    foreach (var block in blocks.Skip(1))
                    {
                        var head = ProblemHead().Match(block);
                        Assert.True(head.Success, block);
                        Assert.Equal(path, head.Groups["file"].Value);
                        Assert.InRange(int.Parse(head.Groups["line"].Value, CultureInfo.InvariantCulture), 1, shippedLines + rows.Length);
                    }

                    return;
                }

                Assert.Equal(string.Empty, problems);
                Interlocked.Increment(ref accepted);
                var data = DataSet.Check([path]).DataSet;
                Assert.NotNull(data);
                EverySeries(data);
                Assert.NotEmpty(ConsistencyAudit.Run(data).Checks);

                // The outlook on one accepted file in four (it is the slowest step).
                if (Interlocked.Increment(ref outlooks) % 4 == 0)
                {
                    Outlook(data);
                }
            }
            finally
            {
                File.Delete(path);
            }
        }, iter: Cases, seed: "0N0XIzNsQ0O2", threads: 1, writeLine: Report, print: rows => string.Join(Environment.NewLine, rows));

        // The generated rows must reach the series and the audit often enough for the second half to mean something.
        Report(string.Create(CultureInfo.InvariantCulture, $"{accepted} of {Cases} files accepted"));
        Assert.InRange(accepted, Cases / 5, Cases);
    }

    /// <summary>The 2025 target's outlook on the data: built, with a probability, or refused with a sentence that says what to add.</summary>
    private static void Outlook(DataSet data)
    {
        var target = ZoneGrowth.Targets.Target.Find(data, "digital_economy_revenue", 2025, "HHZ");
        try
        {
            var outlook = ZoneGrowth.Targets.TargetOutlook.Create(data, ZoneGrowth.Targets.TargetAssessment.Create(data.Series("digital_economy_revenue", "HHZ").WithImpliedPreviousYears(), target));
            Assert.InRange(outlook.Probability, 0, 1);
        }
        catch (ArgumentException e)
        {
            // A refusal says what to do: add the figures it lacks, or check the lines it names.
            Assert.Matches("Add |Check ", e.Message);
        }
    }

    /// <summary>Every zone and indicator of the data: its series by default (reported, whole years) and for each status and period it has, on its original basis too.</summary>
    private static void EverySeries(DataSet data)
    {
        foreach (var pair in data.Observations.GroupBy(o => (o.Zone, o.Indicator.Id)))
        {
            var series = data.Series(pair.Key.Id, pair.Key.Zone);
            _ = series.OnOriginalBasis();
            _ = series.Until(2020);
            if (series.Indicator.GrowthBasis == GrowthBasis.Nominal)
            {
                _ = series.WithImpliedPreviousYears();
            }

            foreach (var (status, period) in pair.Select(o => (o.Status, o.Period)).Distinct())
            {
                var one = data.Series(pair.Key.Id, pair.Key.Zone, [status], period);
                Assert.Equal(one.Years.Distinct(), one.Years);
                _ = one.OnOriginalBasis();
            }
        }
    }

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    /// <summary>
    /// The first files of a fixed seed that <c>check</c> accepts, for running the notebooks on (each a copy of the
    /// shipped data with the generated rows appended).
    /// </summary>
    internal static IReadOnlyList<string> AcceptedFiles(int count, string seed)
    {
        var files = new List<string>();
        Rows.Sample(rows =>
        {
            if (files.Count >= count)
            {
                return;
            }

            var path = Path.Combine(Path.GetTempPath(), $"zonegrowth-generated-{Guid.NewGuid():N}.csv");
            File.WriteAllText(path, ShippedText + string.Concat(rows.Select(r => r + "\n")), new UTF8Encoding(false));
            // Accepted as check accepts: valid rows, and no contradiction the target's outlook finds.
            if (DataSet.Check([path]).DataSet is { } data && TargetOutlook.Contradictions(data).Count == 0 && rows.Any(r => r.StartsWith("HHZ,", StringComparison.Ordinal)))
            {
                files.Add(path);
            }
            else
            {
                File.Delete(path);
            }
        }, iter: 200, seed: seed, threads: 1);
        return files;
    }
}

/// <summary>
/// Every file <c>check</c> accepts runs the notebooks: three generated copies of the shipped data with rows of the zone
/// appended (of any indicator, year, status, period and basis, with or without dates: the property test's generator),
/// each through notebooks 01-03, with no failed cell.
/// </summary>
public sealed class GeneratedDataWorkbookTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void EveryNotebookRunsOnGeneratedFilesCheckAccepts()
    {
        foreach (var file in CheckPropertyTests.AcceptedFiles(3, "0N0XIzNsQ0O2"))
        {
            var output = Directory.CreateTempSubdirectory("zonegrowth-generated-run-");
            try
            {
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();
                var code = WorkbookCommand.Run(["run", "--param", "dataFile=" + file, "--output", output.FullName, "--no-chart-images"], stdout, stderr);

                Assert.True(code == WorkbookCommand.Success, $"{File.ReadAllLines(file).Skip(ShippedLines).Aggregate(string.Empty, (a, l) => a + l + "\n")}{stdout}{stderr}");
            }
            finally
            {
                output.Delete(recursive: true);
                File.Delete(file);
            }
        }
    }

    private static readonly int ShippedLines = File.ReadAllLines(WorkbookPaths.DefaultDataFile).Length;
}
