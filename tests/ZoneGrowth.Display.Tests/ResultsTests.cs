using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using ZoneGrowth.Data;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Display.Tests;

/// <summary>Published values carry a human and a machine part (without a kernel: observed through the formatter's event).</summary>
public sealed class ResultsTests : IDisposable
{
    private readonly List<DisplayedValue> displayed = [];
    private readonly IDisposable subscription;

    public ResultsTests()
    {
        Formatter.ResetToDefault();
        subscription = Formatter.SubscribeToDisplayedValues(displayed.Add);
    }

    public void Dispose()
    {
        subscription.Dispose();
        Formatter.ResetToDefault();
    }

    private static JsonObject Part(DisplayedValue value, string mimeType) =>
        (JsonObject)JsonNode.Parse(Assert.Single(value.FormattedValues, f => f.MimeType == mimeType).Value)!;

    [Fact]
    public void Publish_displays_html_and_exactly_the_result_json()
    {
        Results.Publish("03-target", "p_2025", 0.4321, 0.41, 0.45, "probability", "P(revenue ≥ 6000 亿元 in 2025) <closed form>", IntervalKind.PriorRange);
        var value = Assert.Single(displayed);
        Assert.Equal(["text/html", PublicationContract.ResultMimeType, "text/plain"], value.FormattedValues.Select(f => f.MimeType));
        var json = Part(value, PublicationContract.ResultMimeType);
        Assert.Equal(["notebook_key", "name", "value", "low", "high", "interval", "unit", "description"], json.Select(p => p.Key));
        Assert.Equal("prior-range", (string?)json["interval"]);
        Assert.Equal("03-target", (string?)json["notebook_key"]);
        Assert.Equal("p_2025", (string?)json["name"]);
        Assert.Equal(0.4321, (double)json["value"]!);
        Assert.Equal(0.41, (double)json["low"]!);
        Assert.Equal(0.45, (double)json["high"]!);
        Assert.Equal("probability", (string?)json["unit"]);
        Assert.Equal("P(revenue ≥ 6000 亿元 in 2025) <closed form>", (string?)json["description"]);
        var html = value.FormattedValues.Single(f => f.MimeType == "text/html").Value;
        Assert.Contains("&lt;closed form&gt;", html);
        // Formatted by its unit (KeyFigureText): a probability has two decimals, its interval in brackets,
        // both right-aligned.
        Assert.Contains(";text-align:right;white-space:nowrap\">0.43</td>", html);
        Assert.Contains(";text-align:right;white-space:nowrap\">[0.41, 0.45]</td>", html);
    }

    /// <summary>
    /// The round trip both sides of the contract make in a run: what Results.Publish displays, put in an executed
    /// notebook's output as the runner stores it (a JSON object) and as dotnet-repl does (the JSON text in lines),
    /// is read back by the runner's collector as exactly the figure and file published.
    /// </summary>
    [Fact]
    public void What_is_published_is_what_the_runners_collector_reads()
    {
        Results.Publish("03-target", "nowcast_2025", 5531.2345678901234, 5100.5, null, "亿元", "Nowcast <median>, 90 % interval.", IntervalKind.Credible);
        var file = new DataFileInfo("../data/hhz-indicators.csv", new string('c', 64), 120);
        Results.PublishDataFile(file);

        JsonObject Output(DisplayedValue value, bool asText) => new()
        {
            ["output_type"] = "display_data",
            ["data"] = new JsonObject(value.FormattedValues.Select(f => KeyValuePair.Create<string, JsonNode?>(f.MimeType,
                f.MimeType is "text/html" or "text/plain" ? f.Value : asText ? new JsonArray(f.Value.Split(',').Select((part, i) => (JsonNode?)(i == 0 ? part : "," + part)).ToArray()) : JsonNode.Parse(f.Value)))),
        };

        foreach (var asText in new[] { false, true })
        {
            var notebook = new JsonObject { ["cells"] = new JsonArray(new JsonObject { ["cell_type"] = "code", ["outputs"] = new JsonArray(displayed.Select(d => (JsonNode)Output(d, asText)).ToArray()) }) };

            var collected = ZoneGrowth.Notebooks.Reports.NotebookPublications.Collect(notebook);

            Assert.Empty(collected.Problems);
            Assert.Equal(PublishedResult.Create("03-target", "nowcast_2025", 5531.2345678901234, 5100.5, null, "亿元", "Nowcast <median>, 90 % interval.", IntervalKind.Credible), Assert.Single(collected.Results));
            Assert.Equal(file, Assert.Single(collected.DataFiles));
        }
    }

    [Fact]
    public void Missing_bounds_are_json_nulls()
    {
        Results.Publish("01-data", "rows", 37, null, null, "rows", "Rows of the data file.");
        var json = Part(Assert.Single(displayed), PublicationContract.ResultMimeType);
        Assert.Equal(JsonValueKind.Null, json["low"]?.GetValueKind() ?? JsonValueKind.Null);
        Assert.True(json.ContainsKey("low") && json.ContainsKey("high"));
        Assert.Null(json["high"]);
        Assert.Equal(37, (double)json["value"]!);
    }

    [Theory]
    [InlineData(double.NaN, null)]
    [InlineData(double.PositiveInfinity, null)]
    [InlineData(1.0, double.NegativeInfinity)]
    public void Non_finite_numbers_are_refused(double value, double? low)
    {
        Assert.Throws<ArgumentException>(() => Results.Publish("k", "n", value, low, null, "u", "d"));
        Assert.Empty(displayed);
    }

    [Fact]
    public void An_empty_key_or_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Results.Publish(" ", "n", 1, null, null, "u", "d"));
        Assert.Throws<ArgumentException>(() => Results.Publish("k", "", 1, null, null, "u", "d"));
    }

    [Fact]
    public void PublishDataFile_displays_html_and_exactly_the_file_json()
    {
        Results.PublishDataFile(Shipped.Data.Files[0]);
        var value = Assert.Single(displayed);
        Assert.Equal(["text/html", PublicationContract.DataFileMimeType, "text/plain"], value.FormattedValues.Select(f => f.MimeType));
        var json = Part(value, PublicationContract.DataFileMimeType);
        Assert.Equal(["path", "sha256", "rows"], json.Select(p => p.Key));
        Assert.Equal(Path.GetFullPath(Shipped.DataFile), Path.GetFullPath((string)json["path"]!));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Shipped.DataFile))), (string?)json["sha256"]);
        Assert.Equal(JsonValueKind.Number, json["rows"]!.GetValueKind());
        Assert.Equal(File.ReadAllLines(Shipped.DataFile).Count(l => l.Length > 0) - 1, (int)json["rows"]!);
    }

    [Fact]
    public void Publishing_after_a_formatter_reset_still_has_both_parts()
    {
        Workbook.Setup();
        Formatter.ResetToDefault();
        Results.PublishDataFile(new DataFileInfo("x.csv", "ab", 3));
        Assert.Equal(["text/html", PublicationContract.DataFileMimeType, "text/plain"], Assert.Single(displayed).FormattedValues.Select(f => f.MimeType));
    }
}
