using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// A notebook's title and question, as its first markdown cell states them: the title is its first level-one
/// heading (<c># 3. The 2025 target</c>), the question the first sentence after it that ends with a question mark,
/// with the markdown's emphasis, code marks and links reduced to their text. The run's index page lists each
/// notebook by them, and the report page takes the title.
/// </summary>
/// <param name="Title">The title, or the file name without extension when the notebook has no level-one heading.</param>
/// <param name="Question">The question, or <c>null</c> when the first markdown cell asks none.</param>
public sealed partial record NotebookHeading(string Title, string? Question)
{
    /// <summary>Reads the heading of a notebook.</summary>
    /// <param name="notebook">The notebook (nbformat 4).</param>
    /// <param name="fileName">The notebook's file name: the title when it has no level-one heading.</param>
    public static NotebookHeading Read(JsonObject notebook, string fileName)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var fallback = Path.GetFileNameWithoutExtension(fileName);
        var first = Ipynb.Cells(notebook).FirstOrDefault(c => (string?)c["cell_type"] == "markdown");
        if (first is null)
        {
            return new NotebookHeading(fallback, null);
        }

        var lines = Ipynb.Text(first["source"]).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var at = Array.FindIndex(lines, l => TitleLine().IsMatch(l));
        var title = at < 0 ? fallback : Plain(TitleLine().Match(lines[at]).Groups[1].Value);
        var rest = Plain(string.Join(" ", lines.Skip(at + 1).TakeWhile(l => !l.TrimStart().StartsWith('#'))));
        var question = FirstQuestion().Match(rest);
        return new NotebookHeading(title.Length > 0 ? title : fallback, question.Success ? question.Value.Trim() : null);
    }

    /// <summary>Whether the notebook's first markdown cell has a level-one heading (its title).</summary>
    public static bool HasTitle(JsonObject notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var first = Ipynb.Cells(notebook).FirstOrDefault(c => (string?)c["cell_type"] == "markdown");
        return first is not null && Ipynb.Text(first["source"]).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Any(l => TitleLine().IsMatch(l));
    }

    // Markdown reduced to its text: links to their words, emphasis and code marks dropped, space collapsed.
    private static string Plain(string markdown)
    {
        var text = Link().Replace(markdown, "$1");
        text = Marks().Replace(text, string.Empty);
        return Space().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"^\s{0,3}#\s+(.+?)\s*#*\s*$")]
    private static partial Regex TitleLine();

    // A sentence: starts after the previous sentence's end (". ", "! ", "? ") or at the start, and ends with "?"
    // (a point inside a number, 5.6, does not end one).
    [GeneratedRegex(@"(?<=^|[.!?]\s)(?:[^.!?]|[.!?](?!\s))*?\?(?=\s|$)")]
    private static partial Regex FirstQuestion();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")]
    private static partial Regex Marks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
