using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ZoneGrowth.Publishing;

/// <summary>Serializes a <see cref="PublishedAnswer"/> (in <c>results.json</c>) through <see cref="PublicationContract"/>.</summary>
internal sealed class PublishedAnswerJsonConverter : JsonConverter<PublishedAnswer>
{
    public override PublishedAnswer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var json = JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException(PublicationMessages.NotAnObject(PublicationContract.AnswerMimeType));
        return PublicationContract.TryRead(json, out PublishedAnswer? answer, out var violations)
            ? answer
            : throw new JsonException(PublicationMessages.Broken(PublicationContract.AnswerMimeType, violations));
    }

    public override void Write(Utf8JsonWriter writer, PublishedAnswer value, JsonSerializerOptions options) =>
        PublicationContract.Write(writer, value);
}
