using System.Text.Json.Nodes;

namespace ZoneGrowth.Notebooks;

/// <summary>The value a parameter has in one run: a typed value passed in, or the notebook's default.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Type">The declared type.</param>
/// <param name="Value">The typed value passed in (<see cref="string"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="decimal"/> or <see cref="bool"/>), or <c>null</c> when the notebook's default is used.</param>
/// <param name="ValueText">The value as given (passed in) or the default initializer as written.</param>
/// <param name="Injected"><c>true</c> when the value was passed in rather than the notebook's default.</param>
public sealed record NotebookParameterValue(string Name, NotebookParameterType Type, object? Value, string? ValueText, bool Injected)
{
    /// <summary>
    /// The value as a typed JSON value for <c>results.json</c>: a number for numbers, <c>true</c>/<c>false</c>, a
    /// string for strings and for a double that JSON cannot hold (<c>"NaN"</c>, <c>"Infinity"</c>,
    /// <c>"-Infinity"</c>); the default's text as a string when the value was not passed in.
    /// </summary>
    public JsonNode? ToJson() => Value switch
    {
        null => ValueText is null ? null : JsonValue.Create(ValueText),
        double d when !double.IsFinite(d) => JsonValue.Create(d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        string s => JsonValue.Create(s),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        bool b => JsonValue.Create(b),
        _ => JsonValue.Create(Value.ToString()),
    };
}
