using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ZoneGrowth.Data;

namespace ZoneGrowth.Publishing;

/// <summary>Serializes a <see cref="DataFileInfo"/> (in <c>results.json</c>) through <see cref="PublicationContract"/>.</summary>
internal sealed class DataFileInfoJsonConverter : JsonConverter<DataFileInfo>
{
    public override DataFileInfo Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var json = JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException(PublicationMessages.NotAnObject(PublicationContract.DataFileMimeType));
        return PublicationContract.TryRead(json, out DataFileInfo? file, out var violations)
            ? file
            : throw new JsonException(PublicationMessages.Broken(PublicationContract.DataFileMimeType, violations));
    }

    public override void Write(Utf8JsonWriter writer, DataFileInfo value, JsonSerializerOptions options) =>
        PublicationContract.Write(writer, value);
}
