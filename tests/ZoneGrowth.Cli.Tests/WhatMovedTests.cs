using System.Text.Json.Nodes;
using ZoneGrowth.Cli;

namespace ZoneGrowth.Cli.Tests;

/// <summary>
/// After new statistics, <c>run --compare</c> says what moved the answer: notebook 03 on a vintage without the 2025
/// GDP bound, then on the shipped data compared with that run's results.json. The answer block of index.html, the
/// run's summary and results.json give the earlier P and the added figure's part in percentage points; notebook 03
/// shows the same on its own against the shipped file. Notebook 1, run beside it, marks the added figure.
/// </summary>
public sealed class WhatMovedTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("zonegrowth-what-moved-");

    public void Dispose() => _root.Delete(recursive: true);

    private static readonly string Notebook = Path.Combine(WorkbookPaths.NotebooksFolder, "03-target.ipynb");

    private static readonly string Figures = Path.Combine(WorkbookPaths.NotebooksFolder, "01-indicators.ipynb");

    private (int Code, string Output, string Error) Run(string output, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = WorkbookCommand.Run(["run", Figures, Notebook, .. args, "--no-chart-images", "--output", output], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static JsonObject Answer(string resultsJson) =>
        (JsonObject)((JsonArray)JsonNode.Parse(File.ReadAllText(resultsJson))!["notebooks"]!).Single(n => n!["answer"] is not null)!["answer"]!;

    [Fact]
    [Trait("Category", "Slow")]
    public void AComparedRunSaysWhatMovedTheAnswerInEveryView()
    {
        var earlier = Path.Combine(_root.FullName, "hhz-without-the-2025-bound.csv");
        File.WriteAllLines(earlier, File.ReadAllLines(WorkbookPaths.DefaultDataFile).Where(l => !l.StartsWith("HHZ,gdp,2025,,3000,", StringComparison.Ordinal)));
        var first = Run(Path.Combine(_root.FullName, "first"), "--param", "dataFile=" + earlier);
        Assert.True(first.Code == WorkbookCommand.Success, first.Output + first.Error);
        var was = Answer(Path.Combine(_root.FullName, "first", "results.json"))["probability"]!.GetValue<double>();

        var second = Run(Path.Combine(_root.FullName, "second"), "--compare", Path.Combine(_root.FullName, "first", "results.json"));

        Assert.True(second.Code == WorkbookCommand.Success, second.Output + second.Error);
        var answer = Answer(Path.Combine(_root.FullName, "second", "results.json"));
        var now = answer["probability"]!.GetValue<double>();
        Assert.Equal(was, answer["was_probability"]!.GetValue<double>(), 1e-12);
        Assert.True(now > was, $"{was} → {now}");
        var moved = Assert.Single((JsonArray)answer["moved"]!);
        Assert.StartsWith("GDP 2025 (after the 5th census) at least 3,000 亿元 (added, line ", (string?)moved);
        // One change: its part is the whole change, P now minus P before, in points with one decimal.
        Assert.EndsWith(FormattableString.Invariant($": {100 * (now - was):+0.0} points"), (string?)moved);

        var index = File.ReadAllText(Path.Combine(_root.FullName, "second", "index.html"));
        // The answer shows what P was, in points, with what moved it.
        Assert.Contains(System.Net.WebUtility.HtmlEncode(FormattableString.Invariant($"Was P = {ZoneGrowth.Publishing.KeyFigureText.Number(was, "probability")} ({ZoneGrowth.Publishing.KeyFigureText.Points(now - was)}): ")), index);
        Assert.Contains(System.Net.WebUtility.HtmlEncode((string)moved!), index);
        Assert.Contains("Was P = ", second.Output);

        // Notebook 1 marks the added figure where it shows every figure, against the same earlier rows.
        var figures = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(_root.FullName, "second", "01-indicators.html")));
        Assert.Contains("; since hhz-without-the-2025-bound.csv: 1 new, 0 changed, 0 removed", figures);
        Assert.Contains("lower-bound · new", figures, StringComparison.Ordinal);

    }
}
