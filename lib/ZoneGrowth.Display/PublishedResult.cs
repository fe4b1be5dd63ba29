using System.Text;
using System.Text.Json;

namespace ZoneGrowth.Display;

/// <summary>
/// One headline number of a notebook, as published by <see cref="Results.Publish(string, string, double, double?, double?, string, string)"/>: shown to the
/// reader as HTML and collected by the runner from its <see cref="Results.ResultMimeType"/> part.
/// </summary>
/// <param name="NotebookKey">The notebook's key, e.g. <c>03-target</c>.</param>
/// <param name="Name">The result's name within the notebook, e.g. <c>p_target_2025</c>.</param>
/// <param name="Value">The value (finite).</param>
/// <param name="Low">The lower end of its interval, or null.</param>
/// <param name="High">The upper end of its interval, or null.</param>
/// <param name="Unit">The unit, e.g. <c>亿元</c> or <c>probability</c>.</param>
/// <param name="Description">One sentence saying what the value is.</param>
public sealed record PublishedResult(string NotebookKey, string Name, double Value, double? Low, double? High, string Unit, string Description)
{
    /// <summary>
    /// The machine part, exactly <c>{"notebook_key", "name", "value", "low", "high", "unit", "description"}</c>
    /// (low and high are null when absent).
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("notebook_key", NotebookKey);
            json.WriteString("name", Name);
            json.WriteNumber("value", Value);
            WriteNullable(json, "low", Low);
            WriteNullable(json, "high", High);
            json.WriteString("unit", Unit);
            json.WriteString("description", Description);
            json.WriteEndObject();
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
}
