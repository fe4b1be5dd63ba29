using System.Globalization;
using System.Text.Json.Nodes;
using UglyToad.PdfPig;

namespace ZoneGrowth.Cli.Tests;

/// <summary>
/// No raw object anywhere an economist looks: every output of every executed notebook, on the shipped data and on a
/// second zone, is free of developer output (<see cref="RawObjects"/>); every value is shown by a formatter (HTML or a
/// chart), never as monospace text, with a text part of its own; and the printed notebook 1 shows every figure of the data file.
/// </summary>
[Collection(ShippedWorkbookCollection.Name)]
public sealed class ReadableOutputTests(ShippedWorkbookRun run)
{
    [Fact]
    public void No_output_of_any_notebook_shows_a_raw_object()
    {
        Assert.True(run.Code == 0, run.Log);
        var findings = run.ExecutedNotebooks.SelectMany(n => RawObjects.Find(n).Select(f => Path.GetFileName(n) + " " + f)).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void Every_value_a_notebook_shows_has_a_formatter_and_no_cell_writes_to_the_console()
    {
        foreach (var notebook in run.ExecutedNotebooks)
        {
            var outputs = ((JsonArray)JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!).SelectMany(c => (JsonArray?)c!["outputs"] ?? []).OfType<JsonObject>().ToList();
            Assert.DoesNotContain(outputs, o => (string?)o["output_type"] == "stream");
            var plainOnly = outputs.Where(o => o["data"] is JsonObject d && d["text/html"] is null && d[NotebookJson.Plotly] is null).ToList();
            Assert.True(plainOnly.Count == 0, $"{Path.GetFileName(notebook)}: {string.Join("; ", plainOnly.Select(o => NotebookJson.Text(o["data"]!["text/plain"])))}");
            // And every one has its text too, for Jupyter's console, plain-text viewers and diffs: words, not a type's name.
            var htmlOnly = outputs.Where(o => o["data"] is JsonObject d && (d["text/plain"] is null || !NotebookJson.Text(d["text/plain"]).Contains(' ', StringComparison.Ordinal))).ToList();
            Assert.True(htmlOnly.Count == 0, $"{Path.GetFileName(notebook)}: {htmlOnly.Count} outputs without text: {string.Join("; ", htmlOnly.Select(o => string.Join(",", ((JsonObject)o["data"]!).Select(p => p.Key))))}");
        }
    }

    [Fact]
    public void The_printed_notebook_1_shows_every_figure_of_the_data_file()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            Assert.Skip("chromium is not installed (apt-get install chromium; .ci/run does): run --pdf prints with it.");
        }

        Assert.True(run.Code == 0, run.Log);
        using var document = PdfDocument.Open(Path.Combine(run.OutputFolder, "01-indicators.pdf"));
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

        // Each row of the data file (read here with a plain CSV split of its first columns, not the library): its
        // value as published, with thousands separators; a value converted from another unit is named "published as" its value.
        var lines = File.ReadAllLines(WorkbookPaths.DefaultDataFile).Skip(1).Where(l => l.Length > 0).ToList();
        var catalogUnits = File.ReadAllLines(Path.Combine(WorkbookPaths.DataFolder, "indicators.csv")).Skip(1)
            .Select(l => Csv(l)).ToDictionary(f => f[0], f => f[4]);
        var missing = new List<string>();
        foreach (var line in lines)
        {
            var f = Csv(line);
            var (indicator, value, unit) = (f[1], f[4], f[5]);
            // Shown with the true minus sign (U+2212), as every number a reader sees.
            var expected = (unit == catalogUnits[indicator] ? Grouped(value) : $"published as {value} ").Replace('-', '−');
            if (!text.Contains(expected, StringComparison.Ordinal))
            {
                missing.Add($"{f[0]} {indicator} {f[2]} {f[3]}: {expected}");
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} of {lines.Count} figures not found in the PDF:\n{string.Join("\n", missing)}");
    }

    // "2887.8" → "2,887.8", "1596.2" → "1,596.2", "75" → "75".
    private static string Grouped(string value)
    {
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? value : value[..dot];
        return long.Parse(whole, CultureInfo.InvariantCulture).ToString("#,##0", CultureInfo.InvariantCulture) + (dot < 0 ? string.Empty : value[dot..]);
    }

    // Splits a CSV line (RFC 4180 quotes) into its fields.
    internal static List<string> Csv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }

        fields.Add(field.ToString());
        return fields;
    }
}

/// <summary>The same scan on the second zone: its numbers, and no raw object either.</summary>
[Collection(ZoneBWorkbookCollection.Name)]
public sealed class ReadableOutputZoneBTests(ZoneBWorkbookRun run)
{
    [Fact]
    public void No_output_of_any_notebook_shows_a_raw_object()
    {
        Assert.True(run.Code == 0, run.Log);
        var findings = run.ExecutedNotebooks.SelectMany(n => RawObjects.Find(n).Select(f => Path.GetFileName(n) + " " + f)).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
