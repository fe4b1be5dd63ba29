using System.Text.Json;
using System.Text.Json.Nodes;
using ZoneGrowth.Data;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Tests.Publishing;

/// <summary>The one definition of what a notebook publishes: written, read back, and refused when broken.</summary>
public sealed class PublicationContractTests
{
    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;

    [Theory]
    [InlineData(0.43210987654321, 0.41, 0.45)]
    [InlineData(4758.7, null, null)]
    [InlineData(1e-300, -1.7976931348623157e308, 5e-324)]
    public void A_key_figure_round_trips_through_its_json(double value, double? low, double? high)
    {
        var figure = PublishedResult.Create("03-target", "p_met", value, low, high, "亿元", "P(revenue ≥ 6000 亿元 in 2025) <closed form> \"quoted\"", low is null ? IntervalKind.None : IntervalKind.PriorRange);

        var json = PublicationContract.ToJson(figure);

        Assert.True(PublicationContract.TryRead(Parse(json), out PublishedResult? read, out var violations), string.Join("; ", violations));
        Assert.Equal(figure, read);
    }

    [Fact]
    public void A_key_figure_is_exactly_the_eight_fields_with_null_bounds()
    {
        var json = Parse(PublicationContract.ToJson(new PublishedResult("k", "n", 37, null, null, "rows", "d")));

        Assert.Equal(["notebook_key", "name", "value", "low", "high", "interval", "unit", "description"], json.Select(p => p.Key));
        Assert.Equal("none", (string?)json["interval"]);
        Assert.True(json.ContainsKey("low"));
        Assert.Null(json["low"]);
        Assert.Equal(JsonValueKind.Number, json["value"]!.GetValueKind());
    }

    [Fact]
    public void A_figure_written_before_interval_kinds_reads_with_none()
    {
        var old = Parse("""{"notebook_key":"k","name":"n","value":1,"low":0.5,"high":2,"unit":"u","description":"d"}""");

        Assert.True(PublicationContract.TryRead(old, out PublishedResult? read, out _));
        Assert.Equal(IntervalKind.None, read!.Interval);
    }

    [Fact]
    public void An_interval_needs_its_kind_and_a_kind_needs_an_interval()
    {
        var missing = Assert.Throws<ArgumentException>(() => PublishedResult.Create("k", "n", 1, 0.5, 2, "u", "d"));
        Assert.Contains("no interval kind", missing.Message);
        var empty = Assert.Throws<ArgumentException>(() => PublishedResult.Create("k", "n", 1, null, null, "u", "d", IntervalKind.Confidence));
        Assert.Contains("neither a low nor a high", empty.Message);
    }

    [Fact]
    public void Several_figures_published_together_are_an_array_of_them()
    {
        var figures = new PublishedResults([new PublishedResult("k", "a", 1, null, null, "u", "d"), new PublishedResult("k", "b", 2, 1, 3, "u", "d", IntervalKind.Credible)]);

        var json = (JsonArray)JsonNode.Parse(PublicationContract.ToJson(figures))!;

        Assert.Equal(2, json.Count);
        Assert.True(PublicationContract.TryRead((JsonObject)json[1]!, out PublishedResult? read, out _));
        Assert.Equal(figures.Figures[1], read);
    }

    [Fact]
    public void A_data_file_round_trips_and_is_exactly_three_fields()
    {
        var file = new DataFileInfo("../data/hhz-indicators.csv", new string('a', 64), 120);
        var json = PublicationContract.ToJson(file);

        Assert.Equal(["path", "sha256", "rows"], Parse(json).Select(p => p.Key));
        Assert.True(PublicationContract.TryRead(Parse(json), out DataFileInfo? read, out _));
        Assert.Equal(file, read);
    }

    [Fact]
    public void A_figure_built_in_memory_reads_as_one_parsed_from_text()
    {
        // The runner may hold the part as a node built from CLR values, a reader of a file as parsed text.
        var inMemory = new JsonObject { ["notebook_key"] = "k", ["name"] = "n", ["value"] = 12, ["low"] = 10L, ["high"] = 14.5m, ["unit"] = "u" };

        Assert.True(PublicationContract.TryRead(inMemory, out PublishedResult? read, out _));
        Assert.Equal(new PublishedResult("k", "n", 12, 10, 14.5, "u", ""), read);
    }

    [Fact]
    public void Every_broken_field_is_named_with_what_the_contract_wants()
    {
        var broken = Parse("""{"notebook_key": "", "value": "12", "low": "x", "high": null}""");

        Assert.False(PublicationContract.TryRead(broken, out PublishedResult? result, out var violations));
        Assert.Null(result);
        Assert.Equal(
            [new("notebook_key", "a non-empty string"), new("name", "a non-empty string"), new("value", "a number"), new ContractViolation("low", "a number or null")],
            violations);

        Assert.False(PublicationContract.TryRead(Parse("""{"path": "d.csv", "sha256": "ff", "rows": 1.5}"""), out DataFileInfo? _, out var fileViolations));
        Assert.Equal([new ContractViolation("rows", "an integer >= 0")], fileViolations);
    }

    [Fact]
    public void The_hash_of_a_data_file_is_read_in_lower_case()
    {
        Assert.True(PublicationContract.TryRead(Parse("""{"path": "d.csv", "sha256": "ABC123", "rows": 2}"""), out DataFileInfo? file, out _));
        Assert.Equal("abc123", file.Sha256);
    }

    [Fact]
    public void Results_json_serialization_goes_through_the_contract()
    {
        // results.json stores figures and files with System.Text.Json: the converters the contract registers call it,
        // so the file has the same objects as the notebooks' outputs, whatever the serializer's naming policy.
        var options = PublicationContract.RegisterConverters(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        var figure = new PublishedResult("k", "n", 1.5, null, 2, "percent", "d");
        var text = JsonSerializer.Serialize(figure, options);

        Assert.Equal(PublicationContract.ToJson(figure), text);
        Assert.Equal(figure, JsonSerializer.Deserialize<PublishedResult>(text, options));
        var answer = PublishedAnswer.Create("k", "Will it?", "Likely: P = 0.69.", 0.69, "the data", [new AnswerLever("prices", "not published", [new("if flat", 0.6)])], "the 2025 figure");
        Assert.Equal(PublicationContract.ToJson(answer), JsonSerializer.Serialize(answer, options));
        var file = new DataFileInfo("d.csv", "ff", 3);
        Assert.Equal(PublicationContract.ToJson(file), JsonSerializer.Serialize(file, options));
        Assert.Equal(new DataFileInfo("d.csv", "ff", 3), JsonSerializer.Deserialize<DataFileInfo>("""{"path": "d.csv", "sha256": "FF", "rows": 3}""", options));
        var broken = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DataFileInfo>("""{"path": "d.csv", "sha256": "ff"}""", options));
        Assert.Contains("'rows'", broken.Message);
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PublishedResult>("""{"name": "n"}"""));
        Assert.Contains("'notebook_key' must be a non-empty string", e.Message);
    }

    [Fact]
    public void Registering_the_converters_puts_the_contract_ahead_of_converters_the_options_had()
    {
        var options = new JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

        Assert.Same(options, PublicationContract.RegisterConverters(options));
        Assert.Equal(PublicationContract.JsonConverters, options.Converters.Take(PublicationContract.JsonConverters.Count));
        Assert.Equal(PublicationContract.JsonConverters.Count + 1, options.Converters.Count);
    }

    [Theory]
    [InlineData(double.NaN, null)]
    [InlineData(double.PositiveInfinity, null)]
    [InlineData(1.0, double.NegativeInfinity)]
    public void Creating_a_figure_refuses_numbers_that_are_not_finite(double value, double? low)
    {
        var e = Assert.Throws<ArgumentException>(() => PublishedResult.Create("k", "n", value, low, null, "u", "d"));
        Assert.Contains("must be finite numbers", e.Message);
    }

    [Fact]
    public void Creating_a_figure_refuses_an_empty_key_or_name()
    {
        Assert.Contains("notebook key", Assert.Throws<ArgumentException>(() => PublishedResult.Create(" ", "n", 1, null, null, "u", "d")).Message);
        Assert.Contains("name", Assert.Throws<ArgumentException>(() => PublishedResult.Create("k", "", 1, null, null, "u", "d")).Message);
    }
}
