using System.Text.Json.Nodes;
using ZoneGrowth.Publishing;

namespace ZoneGrowth.Tests.Publishing;

/// <summary>A notebook's answer to its question: written, read back, refused when broken.</summary>
public sealed class PublishedAnswerTests
{
    private static PublishedAnswer Answer(double? p = 0.69) => PublishedAnswer.Create(
        "03-target", "Will HHZ reach 6,000 亿元 in 2025?", "Likely: P = 0.69 that it is met.", p,
        "the figures of \"hhz.csv\" <to 2021>", Levers, "the published 2025 figure") with { Words = "likely", Spread = "The spread comes mostly from the prices." };

    private static readonly AnswerLever[] Levers =
    [
        new("the zone's prices", "not published", [new("at −1.6 % a year", 0.58), new("if flat", 0.71), new("at +7.3 % a year", 0.96)]),
        new("the silence", "weighed at 0.50", [new("if nothing", 0.87), new("if surely named", 0.71)]),
    ];

    [Fact]
    public void An_answer_round_trips_through_its_json_with_its_fields_in_order()
    {
        var answer = Answer() with { WasProbability = 0.62, Moved = ["GDP 2025 at least 3,000 亿元 (added, line 84): +3.8 points"] };
        var json = (JsonObject)JsonNode.Parse(PublicationContract.ToJson(answer))!;

        Assert.Equal(["notebook_key", "question", "headline", "words", "probability", "conditional_on", "turns_on", "spread", "settled_by", "was_probability", "moved"], json.Select(p => p.Key));
        Assert.Equal(["choice", "evidence", "cases"], ((JsonObject)json["turns_on"]![0]!).Select(p => p.Key));
        Assert.Equal(["if", "p"], ((JsonObject)json["turns_on"]![0]!["cases"]![0]!).Select(p => p.Key));
        Assert.True(PublicationContract.TryRead(json, out PublishedAnswer? read, out var violations), string.Join("; ", violations));
        Assert.Equal(answer, read);
        Assert.Equal(Levers, read!.TurnsOn);
        Assert.Equal("likely", read.Words);
        Assert.Equal(0.62, read.WasProbability);
        Assert.Equal(answer.Moved, read.Moved);
    }

    [Fact]
    public void An_answer_written_before_it_said_what_moved_it_reads_as_one_that_compares_nothing()
    {
        var json = (JsonObject)JsonNode.Parse("""{"notebook_key":"k","question":"q","headline":"h","probability":0.5,"conditional_on":"","turns_on":[],"settled_by":""}""")!;

        Assert.True(PublicationContract.TryRead(json, out PublishedAnswer? read, out _));
        Assert.Null(read!.WasProbability);
        Assert.Empty(read.Moved);
    }

    [Fact]
    public void An_answer_written_before_it_had_its_table_reads_each_choice_as_a_row_without_cases()
    {
        var json = (JsonObject)JsonNode.Parse("""{"notebook_key":"k","question":"q","headline":"h","probability":0.5,"conditional_on":"","turns_on":["the zone's prices: P runs from 0.58 to 0.96"],"settled_by":""}""")!;

        Assert.True(PublicationContract.TryRead(json, out PublishedAnswer? read, out _));
        Assert.Equal(new AnswerLever("the zone's prices: P runs from 0.58 to 0.96", "", []), Assert.Single(read!.TurnsOn));
        Assert.Equal("", read.Words);
    }

    [Fact]
    public void An_answer_without_its_notebooks_key_is_not_written()
    {
        Assert.Contains("notebook key", Assert.Throws<ArgumentException>(() => PublicationContract.ToJson(Answer() with { NotebookKey = "" })).Message);
        Assert.Equal("03-x", Answer().For("03-x").NotebookKey);
    }

    [Fact]
    public void An_answer_that_is_not_a_probability_has_a_null_probability()
    {
        var json = (JsonObject)JsonNode.Parse(PublicationContract.ToJson(Answer(null)))!;
        Assert.Null(json["probability"]);
        Assert.True(PublicationContract.TryRead(json, out PublishedAnswer? read, out _));
        Assert.Null(read!.Probability);
    }

    [Fact]
    public void A_broken_answer_lists_every_field_it_breaks()
    {
        var json = (JsonObject)JsonNode.Parse("""{"notebook_key":"","question":"q","probability":1.5,"turns_on":[{"choice":"c","cases":[{"if":"x","p":2}]}],"was_probability":-1,"moved":"x"}""")!;

        Assert.False(PublicationContract.TryRead(json, out PublishedAnswer? _, out var violations));
        Assert.Equal(["notebook_key", "headline", "probability", "turns_on", "moved", "was_probability"], violations.Select(v => v.Field));
    }

    [Fact]
    public void Creating_an_answer_checks_its_text_and_probability()
    {
        Assert.Contains("question", Assert.Throws<ArgumentException>(() => PublishedAnswer.Create("k", " ", "h", null, "", [], "")).Message);
        Assert.Contains("headline", Assert.Throws<ArgumentException>(() => PublishedAnswer.Create("k", "q", "", null, "", [], "")).Message);
        Assert.Contains("between 0 and 1", Assert.Throws<ArgumentException>(() => PublishedAnswer.Create("k", "q", "h", 1.2, "", [], "")).Message);
    }
}
