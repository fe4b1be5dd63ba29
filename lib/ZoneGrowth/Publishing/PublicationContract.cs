using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ZoneGrowth.Data;

namespace ZoneGrowth.Publishing;

/// <summary>
/// The contract between a notebook that publishes and the runner that collects, written once: a display output
/// whose mime bundle holds <see cref="ResultMimeType"/> with
/// <c>{"notebook_key", "name", "value", "low", "high", "interval", "unit", "description"}</c> (a <see cref="PublishedResult"/>;
/// <c>interval</c> is <see cref="IntervalKind"/>'s word, and reads as <c>none</c> when absent, as in files written before it)
/// or <see cref="DataFileMimeType"/> with <c>{"path", "sha256", "rows"}</c> (a <see cref="DataFileInfo"/>), or
/// <see cref="AnswerMimeType"/> with <c>{"notebook_key", "question", "headline", "words", "probability", "conditional_on",
/// "turns_on", "spread", "settled_by", "was_probability", "moved"}</c> (a <see cref="PublishedAnswer"/>: the notebook's answer to
/// its question; each of <c>turns_on</c> is <c>{"choice", "evidence", "cases": [{"if", "p"}]}</c>, or a string in files written
/// before the answer had its table, read as a choice without cases).
/// <c>ZoneGrowth.Display.Results</c> writes with it, <c>ZoneGrowth.Notebooks</c>' collector reads with it, and
/// <c>results.json</c> stores the same objects (through the JSON converters the contract registers,
/// <see cref="JsonConverters"/>, which call it).
/// </summary>
/// <remarks>
/// It lives in the core library because that is the one assembly both sides load already: ZoneGrowth.Display
/// references it, the notebooks' setup cells <c>#r</c> ZoneGrowth.dll, and ZoneGrowth.Notebooks references it for
/// this contract. A separate contracts assembly would need one more <c>#r</c> line in every notebook's setup cell.
/// </remarks>
public static class PublicationContract
{
    /// <summary>The mime type of a published key figure.</summary>
    public const string ResultMimeType = "application/vnd.zonegrowth.result+json";

    /// <summary>The mime type of a notebook's answer to its question (<see cref="PublishedAnswer"/>).</summary>
    public const string AnswerMimeType = "application/vnd.zonegrowth.answer+json";

    /// <summary>The mime type of a data file a notebook read.</summary>
    public const string DataFileMimeType = "application/vnd.zonegrowth.datafile+json";

    /// <summary>
    /// The System.Text.Json converters of the contract's objects (<see cref="PublishedResult"/>, <see cref="PublishedAnswer"/>
    /// and <see cref="DataFileInfo"/>): each writes and reads its object through this contract, whatever the serializer's
    /// naming policy. A file that stores them, such as <c>results.json</c>, serializes with options that hold them
    /// (<see cref="RegisterConverters"/>). The contract registers them itself: <see cref="DataFileInfo"/> belongs to the
    /// data layer, below this one, and names no converter (the contract's own two types also carry theirs as attributes).
    /// </summary>
    public static IReadOnlyList<JsonConverter> JsonConverters { get; } =
        [new PublishedResultJsonConverter(), new PublishedAnswerJsonConverter(), new DataFileInfoJsonConverter()];

    /// <summary>Adds <see cref="JsonConverters"/> to <paramref name="options"/>, ahead of the converters it has, and returns the same options (so a field can be set in one expression).</summary>
    /// <exception cref="InvalidOperationException">The options have been used already (System.Text.Json then refuses changes).</exception>
    public static JsonSerializerOptions RegisterConverters(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        for (var i = 0; i < JsonConverters.Count; i++)
        {
            options.Converters.Insert(i, JsonConverters[i]);
        }

        return options;
    }

    private const string NotebookKey = "notebook_key", Name = "name", Value = "value", Low = "low", High = "high", Interval = "interval", Unit = "unit", Description = "description";
    private const string FilePath = "path", Sha256 = "sha256", Rows = "rows";
    private const string Question = "question", Headline = "headline", Words = "words", Probability = "probability", ConditionalOn = "conditional_on", TurnsOn = "turns_on", Spread = "spread", SettledBy = "settled_by", WasProbability = "was_probability", Moved = "moved";
    private const string Choice = "choice", Evidence = "evidence", Cases = "cases", Condition = "if", CaseProbability = "p";

    /// <summary>Writes a key figure as exactly <c>{"notebook_key", "name", "value", "low", "high", "interval", "unit", "description"}</c>
    /// (low and high are JSON null when absent; numbers round-trip).</summary>
    public static void Write(Utf8JsonWriter json, PublishedResult result)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        json.WriteStartObject();
        json.WriteString(NotebookKey, result.NotebookKey);
        json.WriteString(Name, result.Name);
        json.WriteNumber(Value, result.Value);
        WriteNullable(json, Low, result.Low);
        WriteNullable(json, High, result.High);
        json.WriteString(Interval, result.Interval.ToText());
        json.WriteString(Unit, result.Unit);
        json.WriteString(Description, result.Description);
        json.WriteEndObject();
    }

    /// <summary>Writes a data file as exactly <c>{"path", "sha256", "rows"}</c>.</summary>
    public static void Write(Utf8JsonWriter json, DataFileInfo file)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        json.WriteStartObject();
        json.WriteString(FilePath, file.Path);
        json.WriteString(Sha256, file.Sha256);
        json.WriteNumber(Rows, file.Rows);
        json.WriteEndObject();
    }

    /// <summary>Writes an answer as exactly <c>{"notebook_key", "question", "headline", "words", "probability", "conditional_on", "turns_on", "spread", "settled_by", "was_probability", "moved"}</c>
    /// (probability and was_probability are JSON null when absent; turns_on is a list of <c>{"choice", "evidence", "cases": [{"if", "p"}]}</c>, moved a list of strings).</summary>
    /// <exception cref="ArgumentException">The answer has no notebook key yet (publish it with <see cref="PublishedAnswer.For"/>).</exception>
    public static void Write(Utf8JsonWriter json, PublishedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(answer);
        if (string.IsNullOrWhiteSpace(answer.NotebookKey))
        {
            throw new ArgumentException(PublicationMessages.EmptyAnswerText("notebook key", answer.NotebookKey), nameof(answer));
        }

        json.WriteStartObject();
        json.WriteString(NotebookKey, answer.NotebookKey);
        json.WriteString(Question, answer.Question);
        json.WriteString(Headline, answer.Headline);
        json.WriteString(Words, answer.Words);
        WriteNullable(json, Probability, answer.Probability);
        json.WriteString(ConditionalOn, answer.ConditionalOn);
        json.WriteStartArray(TurnsOn);
        foreach (var lever in answer.TurnsOn)
        {
            json.WriteStartObject();
            json.WriteString(Choice, lever.Choice);
            json.WriteString(Evidence, lever.Evidence);
            json.WriteStartArray(Cases);
            foreach (var c in lever.Cases)
            {
                json.WriteStartObject();
                json.WriteString(Condition, c.Condition);
                json.WriteNumber(CaseProbability, c.Probability);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString(Spread, answer.Spread);
        json.WriteString(SettledBy, answer.SettledBy);
        WriteNullable(json, WasProbability, answer.WasProbability);
        json.WriteStartArray(Moved);
        foreach (var line in answer.Moved)
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The JSON text of an answer (the <see cref="AnswerMimeType"/> part of its display).</summary>
    public static string ToJson(PublishedAnswer answer) => ToJson(json => Write(json, answer));

    /// <summary>The JSON text of a key figure (the <see cref="ResultMimeType"/> part of its display).</summary>
    public static string ToJson(PublishedResult result) => ToJson(json => Write(json, result));

    /// <summary>The JSON text of several key figures published together: an array of key figures (the <see cref="ResultMimeType"/> part of their one display).</summary>
    public static string ToJson(PublishedResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return ToJson(json =>
        {
            json.WriteStartArray();
            foreach (var result in results.Figures)
            {
                Write(json, result);
            }

            json.WriteEndArray();
        });
    }

    /// <summary>The JSON text of a data file (the <see cref="DataFileMimeType"/> part of its display).</summary>
    public static string ToJson(DataFileInfo file) => ToJson(json => Write(json, file));

    /// <summary>Reads a key figure; every field that breaks the contract is listed (unit and description may be absent).</summary>
    /// <returns><c>true</c> with the figure, or <c>false</c> with at least one violation.</returns>
    public static bool TryRead(JsonObject json, [NotNullWhen(true)] out PublishedResult? result, out IReadOnlyList<ContractViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<ContractViolation>();
        var key = Text(json, NotebookKey);
        var name = Text(json, Name);
        var value = Number(json, Value);
        var (lowOk, low) = OptionalNumber(json, Low);
        var (highOk, high) = OptionalNumber(json, High);
        var intervalText = Text(json, Interval);
        var kind = IntervalKind.None;
        var intervalOk = json[Interval] is null || (intervalText is not null && IntervalKindText.TryParse(intervalText, out kind));
        if (string.IsNullOrEmpty(key)) problems.Add(new(NotebookKey, PublicationMessages.NonEmptyString));
        if (string.IsNullOrEmpty(name)) problems.Add(new(Name, PublicationMessages.NonEmptyString));
        if (value is null) problems.Add(new(Value, PublicationMessages.ANumber));
        if (!lowOk) problems.Add(new(Low, PublicationMessages.NumberOrNull));
        if (!highOk) problems.Add(new(High, PublicationMessages.NumberOrNull));
        if (!intervalOk) problems.Add(new(Interval, PublicationMessages.IntervalWord));
        violations = problems;
        result = problems.Count == 0 ? new PublishedResult(key!, name!, value!.Value, low, high, Text(json, Unit) ?? "", Text(json, Description) ?? "", kind) : null;
        return result is not null;
    }

    /// <summary>Reads an answer; every field that breaks the contract is listed (conditional_on, turns_on and settled_by may be absent).</summary>
    /// <returns><c>true</c> with the answer, or <c>false</c> with at least one violation.</returns>
    public static bool TryRead(JsonObject json, [NotNullWhen(true)] out PublishedAnswer? answer, out IReadOnlyList<ContractViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<ContractViolation>();
        var key = Text(json, NotebookKey);
        var question = Text(json, Question);
        var headline = Text(json, Headline);
        var (probabilityOk, probability) = OptionalNumber(json, Probability);
        var turnsOn = Levers(json);
        var moved = Strings(json, Moved);
        var (wasOk, was) = OptionalNumber(json, WasProbability);
        if (string.IsNullOrEmpty(key)) problems.Add(new(NotebookKey, PublicationMessages.NonEmptyString));
        if (string.IsNullOrEmpty(question)) problems.Add(new(Question, PublicationMessages.NonEmptyString));
        if (string.IsNullOrEmpty(headline)) problems.Add(new(Headline, PublicationMessages.NonEmptyString));
        if (!probabilityOk || probability is < 0 or > 1) problems.Add(new(Probability, PublicationMessages.ProbabilityOrNull));
        if (turnsOn is null) problems.Add(new(TurnsOn, PublicationMessages.LeverList));
        if (moved is null) problems.Add(new(Moved, PublicationMessages.TextList));
        if (!wasOk || was is < 0 or > 1) problems.Add(new(WasProbability, PublicationMessages.ProbabilityOrNull));
        violations = problems;
        answer = problems.Count == 0
            ? new PublishedAnswer(key!, question!, headline!, probability, Text(json, ConditionalOn) ?? "", turnsOn!, Text(json, SettledBy) ?? "")
            {
                Words = Text(json, Words) ?? "",
                Spread = Text(json, Spread) ?? "",
                WasProbability = was,
                Moved = moved!,
            }
            : null;
        return answer is not null;
    }

    /// <summary>Reads a data file; every field that breaks the contract is listed. The hash is kept in lower case.</summary>
    /// <returns><c>true</c> with the file, or <c>false</c> with at least one violation.</returns>
    public static bool TryRead(JsonObject json, [NotNullWhen(true)] out DataFileInfo? file, out IReadOnlyList<ContractViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<ContractViolation>();
        var path = Text(json, FilePath);
        var sha = Text(json, Sha256);
        var rows = Number(json, Rows);
        if (string.IsNullOrEmpty(path)) problems.Add(new(FilePath, PublicationMessages.NonEmptyString));
        if (string.IsNullOrEmpty(sha)) problems.Add(new(Sha256, PublicationMessages.HexString));
        if (rows is not { } r || r < 0 || r != Math.Floor(r) || r > int.MaxValue) problems.Add(new(Rows, PublicationMessages.RowCount));
        violations = problems;
        file = problems.Count == 0 ? new DataFileInfo(path!, sha!.ToLowerInvariant(), (int)rows!.Value) : null;
        return file is not null;
    }

    private static string ToJson(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string[]? Strings(JsonObject o, string name) =>
        o[name] switch
        {
            null => [],
            JsonArray a when a.All(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String) => a.Select(n => n!.GetValue<string>()).ToArray(),
            _ => null,
        };

    // Each choice as {"choice", "evidence", "cases": [{"if", "p"}]}, or a string (files written before the answer had its table).
    private static AnswerLever[]? Levers(JsonObject o)
    {
        if (o[TurnsOn] is null)
        {
            return [];
        }

        if (o[TurnsOn] is not JsonArray items)
        {
            return null;
        }

        var levers = new List<AnswerLever>();
        foreach (var item in items)
        {
            switch (item)
            {
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    levers.Add(new AnswerLever(v.GetValue<string>(), "", []));
                    break;
                case JsonObject lever when Text(lever, Choice) is { } choice && lever[Cases] is null or JsonArray:
                    var cases = new List<AnswerCase>();
                    foreach (var c in (JsonArray?)lever[Cases] ?? [])
                    {
                        if (c is not JsonObject one || Text(one, Condition) is not { } condition || Number(one, CaseProbability) is not { } p || p is < 0 or > 1)
                        {
                            return null;
                        }

                        cases.Add(new AnswerCase(condition, p));
                    }

                    levers.Add(new AnswerLever(choice, Text(lever, Evidence) ?? "", cases));
                    break;
                default:
                    return null;
            }
        }

        return levers.ToArray();
    }

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    // A node parsed from text holds a JsonElement, one built in memory holds the CLR value (int, long...):
    // reading the JSON text works for both.
    private static double? Number(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    private static (bool Ok, double? Value) OptionalNumber(JsonObject o, string name) =>
        o[name] switch
        {
            null => (true, null), // absent or JSON null
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => (true, Number(o, name)),
            _ => (false, null),
        };
}
