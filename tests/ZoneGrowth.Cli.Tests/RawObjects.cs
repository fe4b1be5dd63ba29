using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Cli.Tests;

/// <summary>
/// What an economist must never see in an executed notebook: developer output. Every output's visible text (text/html
/// without its tags, scripts and styles; text/plain; streams) is scanned for C# record text, compiler-generated names,
/// generic type names, <c>&lt;null&gt;</c>, snake_case and CamelCase identifiers (outside web addresses and file names, where
/// underscores are part of the address), bounds written as equalities ("P = &gt; 0.99") and hyphens for minus signs.
/// </summary>
internal static partial class RawObjects
{
    /// <summary>Every finding, as "cell N (mime): kind 'text'".</summary>
    public static IReadOnlyList<string> Find(string executedNotebook, Func<string, bool>? ignoreLine = null)
    {
        var findings = new List<string>();
        var cells = (JsonArray)JsonNode.Parse(File.ReadAllText(executedNotebook))!["cells"]!;
        for (var c = 0; c < cells.Count; c++)
        {
            foreach (var output in ((JsonArray?)cells[c]!["outputs"] ?? []).OfType<JsonObject>())
            {
                foreach (var (mime, text) in VisibleTexts(output))
                {
                    var lines = text.Split('\n').Where(l => ignoreLine is null || !ignoreLine(l));
                    var visible = Address().Replace(string.Join("\n", lines), " ");
                    foreach (var (kind, pattern) in Patterns)
                    {
                        findings.AddRange(pattern.Matches(visible).Select(m => m.Value).Distinct().Select(m => $"cell {c + 1} ({mime}): {kind} '{m}'"));
                    }
                }
            }
        }

        return findings;
    }

    private static IEnumerable<(string Mime, string Text)> VisibleTexts(JsonObject output)
    {
        if ((string?)output["output_type"] == "stream")
        {
            yield return ("stream", NotebookJson.Text(output["text"]));
        }

        if (output["data"] is not JsonObject data)
        {
            yield break;
        }

        if (data["text/html"] is { } html)
        {
            var text = ScriptOrStyle().Replace(NotebookJson.Text(html), " ");
            yield return ("text/html", WebUtility.HtmlDecode(Tag().Replace(text, " ")));
        }

        if (data["text/plain"] is { } plain)
        {
            yield return ("text/plain", NotebookJson.Text(plain));
        }
    }

    private static readonly (string Kind, Regex Pattern)[] Patterns =
    [
        ("record text", RecordText()),
        ("compiler-generated name", CompilerGenerated()),
        ("generic type name", GenericType()),
        ("<null>", new Regex("<null>")),
        ("snake_case identifier", SnakeCase()),
        ("CamelCase identifier", CamelCase()),
        ("a bound written as an equality", EqualsBound()),
        ("a hyphen for a minus sign", HyphenMinus()),
    ];

    [GeneratedRegex(@"\b[A-Z]\w* \{ [A-Z]\w* = ")]
    private static partial Regex RecordText();

    [GeneratedRegex(@"<>|\bz__\w+|k__BackingField|`\d+\[")]
    private static partial Regex CompilerGenerated();

    [GeneratedRegex(@"\bSystem\.(?:Collections|Linq|Double|Int32|String|Object)\b|\b\w+`\d\b|\b(?:IEnumerable|IReadOnlyList|List|Dictionary)<")]
    private static partial Regex GenericType();

    [GeneratedRegex(@"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")]
    private static partial Regex SnakeCase();

    // Two or more capitalised words run together: a type or member name (GrowthVersusLevels, ToDataFrame).
    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+\b")]
    private static partial Regex CamelCase();

    // "P = > 0.99", "= < 0.01": a probability at an end of the scale is "P > 0.99".
    [GeneratedRegex(@"=\s*[<>]\s*\d")]
    private static partial Regex EqualsBound();

    // "-0.0292", "-17.68 %": a negative number reads with the true minus sign (U+2212), as everywhere else; a hyphen
    // between numbers ("2016-2024") or in "1e-05" is not a sign.
    [GeneratedRegex(@"(?<![\w.\-])-\d")]
    private static partial Regex HyphenMinus();

    // A web address or a file name: a word with a '/', or ending in a file extension.
    [GeneratedRegex(@"\S*(?:/|\.(?:html?|shtml|csv|xlsx|ipynb|json|pdf)\b)\S*")]
    private static partial Regex Address();

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
