using System.Text;
using CsCheck;
using ZoneGrowth.Data;

namespace ZoneGrowth.Tests.Data;

/// <summary>
/// Property tests of the loader over random mutations of the shipped file (CsCheck: generated,
/// shrunk to the simplest failing case, reproducible from the printed seed). Whatever the file:
/// no exception escapes <see cref="DataSet.Check"/>; a rejected file's every issue names the file
/// and a line within it, in a message of readable length; an accepted file loads every one of its
/// rows. Mutations that keep the meaning (line endings, a BOM, quoting, blank lines) load exactly
/// the shipped observations.
/// </summary>
public sealed class LoaderPropertyTests
{
    private const int MutationCases = 3000;
    private const int MeaningPreservingCases = 300;

    private static readonly byte[] Shipped = File.ReadAllBytes(WorkbookPaths.DefaultDataFile);

    private static readonly string ShippedText = Encoding.UTF8.GetString(Shipped);

    private static readonly IReadOnlyList<Observation> ShippedObservations = DataSet.LoadDefault().Observations;

    /// <summary>Tokens a mutated field may become: typical mistakes of hand-edited and exported files.</summary>
    private static readonly string[] Tokens =
        ["", " ", "abc", "1,596.2", "\"", "\"\"", "=HYPERLINK(\"x\")", "\0", "1e400", "-5", "2021年", "Q5", "约1700", "NaN", "亿元", "%", "reported ", "1596.2\t", "\r", "\n", new string('9', 400)];

    private static DataCheckResult CheckBytes(byte[] bytes, out string path)
    {
        path = TestFiles.Temporary(bytes);
        try
        {
            return DataSet.Check([path], WorkbookPaths.Catalog);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static readonly Gen<byte[]> ByteMutation =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, Shipped.Length - 1], Gen.Byte, Gen.Int[1, 64], (kind, at, value, length) => kind switch
        {
            0 => Shipped.Select((b, i) => i == at ? value : b).ToArray(),
            1 => [.. Shipped[..at], value, .. Shipped[at..]],
            _ => [.. Shipped[..at], .. Shipped[Math.Min(Shipped.Length, at + length)..]],
        });

    private static readonly Gen<byte[]> FieldMutation =
        Gen.Select(Gen.Int[1, ShippedText.Split('\n').Length - 2], Gen.Int[0, 12], Gen.Int[0, Tokens.Length - 1], (line, field, token) =>
        {
            var lines = ShippedText.Split('\n');
            var fields = lines[line].Split(',');
            fields[Math.Min(field, fields.Length - 1)] = Tokens[token];
            lines[line] = string.Join(",", fields);
            return Encoding.UTF8.GetBytes(string.Join("\n", lines));
        });

    private static readonly Gen<byte[]> FileMutation =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, ShippedText.Length - 1], (kind, at) => kind switch
        {
            0 => Encoding.UTF8.GetBytes(ShippedText.Insert(at, "\"")),
            1 => Encoding.UTF8.GetBytes(ShippedText.Replace(',', ';')),
            2 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(ShippedText)],
            _ => Encoding.UTF8.GetBytes(ShippedText[..at]),
        });

    [Fact]
    public void AnyMutationIsLoadedWholeOrRejectedWithLocatedIssues()
    {
        var lineCount = ShippedText.Split('\n').Length + 1;
        Gen.OneOf(ByteMutation, FieldMutation, FileMutation).Sample(bytes =>
        {
            var result = CheckBytes(bytes, out var path);
            if (result.DataSet is { } data)
            {
                Assert.Equal(data.Files[0].Rows, data.Observations.Count);
                return;
            }

            Assert.NotEmpty(result.Issues);
            foreach (var issue in result.Issues)
            {
                Assert.Equal(path, issue.Location.File);
                Assert.InRange(issue.Location.Line, 1, lineCount + 64);
                var text = issue.ToString();
                Assert.True(text.Length < 2000, $"{text.Length} characters: {text[..Math.Min(600, text.Length)]}");
            }
        }, iter: MutationCases, seed: "0N0XIzNsQ0O2", writeLine: Report);
    }

    [Fact]
    public void MeaningPreservingChangesLoadTheShippedObservations()
    {
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Gen.Int[0, 3]).Sample(t =>
        {
            var (crlf, bom, quoteAll, blankLines) = t;
            var lines = ShippedText.TrimEnd('\n').Split('\n').Select(l => quoteAll ? QuoteEveryField(l) : l);
            var text = string.Join(crlf ? "\r\n" : "\n", lines) + string.Concat(Enumerable.Repeat(crlf ? "\r\n" : "\n", blankLines + 1));
            byte[] bytes = [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];

            var result = CheckBytes(bytes, out _);

            Assert.True(result.DataSet is not null, string.Join("\n", result.Issues.Take(3)));
            Assert.Equal(ShippedObservations.Select(Key), result.DataSet!.Observations.Select(Key));
        }, iter: MeaningPreservingCases, seed: "0N0XIzNsQ0O2", writeLine: Report);
    }

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private static string Key(Observation o) =>
        FormattableString.Invariant($"{o.Zone}|{o.Indicator.Id}|{o.Year}|{o.Period}|{o.Value:R}|{o.Status}|{o.GrowthPercent:R}|{o.Basis}|{o.Published}|{o.Source}|{o.Quote}|{o.Note}|{o.Location.Line}");

    /// <summary>Quotes every field of a CSV line, parsing the line's own quoting first (fields may contain quoted commas).</summary>
    private static string QuoteEveryField(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return string.Join(",", fields.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }
}
