using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ZoneGrowth.Publishing;

/// <summary>Serializes a <see cref="PublishedResult"/> (in <c>results.json</c>) through <see cref="PublicationContract"/>.</summary>
internal sealed class PublishedResultJsonConverter : JsonConverter<PublishedResult>
{
    public override PublishedResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var json = JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException(PublicationMessages.NotAnObject(PublicationContract.ResultMimeType));
        return PublicationContract.TryRead(json, out PublishedResult? result, out var violations)
            ? result
            : throw new JsonException(PublicationMessages.Broken(PublicationContract.ResultMimeType, violations));
    }

    public override void Write(Utf8JsonWriter writer, PublishedResult value, JsonSerializerOptions options) =>
        PublicationContract.Write(writer, value);
}
