using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using ZoneGrowth.Notebooks;

namespace ZoneGrowth.Cli.Tests;

/// <summary>Runs alone: its programs set the process's current directory to a scratch copy of the workbook.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DocSnippetCollection
{
    public const string Name = "Doc snippets";
}

/// <summary>
/// Every code block of README.md and docs/*.md is compiled and run, or checked against what it shows, so that the
/// docs cannot drift from the code: C# is run in a scratch copy of the workbook (as a notebook cell after the setup
/// cell, or, when it runs notebooks itself, as a program), a notebook cell shown in the docs must be the notebooks'
/// own, and every command line must parse with the command's own parser.
/// </summary>
[Collection(DocSnippetCollection.Name)]
public sealed partial class DocSnippetTests
{
    private sealed record Snippet(string File, int Line, string Language, string Code)
    {
        public override string ToString() => $"{File}:{Line}";
    }

    private static string Root => WorkbookPaths.Root;

    private static IReadOnlyList<Snippet> Snippets()
    {
        var files = new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal).Select(f => Path.GetRelativePath(Root, f)));
        var snippets = new List<Snippet>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(Root, file)).ReplaceLineEndings("\n");
            foreach (Match block in FencedBlock().Matches(text))
            {
                var line = text[..block.Index].Count(c => c == '\n') + 1;
                snippets.Add(new Snippet(file.Replace('\\', '/'), line, block.Groups["language"].Value, block.Groups["code"].Value));
            }
        }

        Assert.NotEmpty(snippets);
        return snippets;
    }

    [GeneratedRegex(@"^```(?<language>\w*)\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    // A block is C# when marked so; it is a notebook cell when it starts with a kernel directive, a program when it
    // runs notebooks itself (a notebook cell cannot: a notebook runs only when no other is running).
    private static bool IsNotebookCellText(Snippet s) => s.Code.StartsWith("#!csharp", StringComparison.Ordinal);

    private static bool IsProgram(Snippet s) => s.Code.Contains("new NotebookPipeline(", StringComparison.Ordinal);

    private static IEnumerable<Snippet> CSharp() => Snippets().Where(s => s.Language == "csharp" && !IsNotebookCellText(s));

    [Fact]
    public void EveryBlockHasALanguageAndEveryLanguageIsChecked()
    {
        // csharp: run below; sh: parsed below; text: a dated example of the command's output, not code.
        Assert.All(Snippets(), s => Assert.True(s.Language is "csharp" or "sh" or "text", $"{s}: a code block marked '{s.Language}' (csharp, sh or text)"));
        Assert.Contains(Snippets(), s => IsProgram(s));
        Assert.Contains(Snippets(), s => s.Language == "csharp" && !IsProgram(s) && !IsNotebookCellText(s));
    }

    [Fact]
    public void ANotebookCellShownInTheDocsIsTheNotebooksOwn()
    {
        var cells = Directory.GetFiles(Path.Combine(Root, "notebooks"), "*.ipynb")
            .SelectMany(n => ((JsonArray)JsonNode.Parse(File.ReadAllText(n))!["cells"]!).Select(c => NotebookJson.Text(c!["source"]).TrimEnd('\n')))
            .ToHashSet(StringComparer.Ordinal);
        var shown = Snippets().Where(IsNotebookCellText).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, s => Assert.True(cells.Contains(s.Code.TrimEnd('\n')), $"{s}: this cell is in no notebook of notebooks/ word for word"));
    }

    [Fact]
    public async Task EveryCSharpBlockRunsAsANotebookCellAfterTheSetupCell()
    {
        using var workbook = ScratchWorkbook.Create();
        var snippets = CSharp().Where(s => !IsProgram(s)).ToList();
        var notebooks = snippets.Select((s, i) => workbook.AddNotebook($"snippet-{i + 1:00}.ipynb", s.Code)).ToList();
        var plan = NotebookRunPlan.Create(notebooks, new Dictionary<string, string>());
        Assert.Empty(plan.Problems);
        var run = await new NotebookPipeline(new NotebookPipelineOptions(Path.Combine(workbook.Folder, "out"))
        {
            ChartImages = false,
        }).RunAsync(plan, cancellationToken: TestContext.Current.CancellationToken);
        Assert.All(run.Notebooks.Zip(snippets), pair => Assert.True(pair.First.Run.Succeeded, $"{pair.Second}: {pair.First.Run.FailureText}"));
    }

    [Fact]
    public async Task EveryCSharpBlockThatRunsNotebooksRunsAsAProgramInTheWorkbooksRootFolder()
    {
        using var workbook = ScratchWorkbook.Create();
        var programs = CSharp().Where(IsProgram).ToList();
        Assert.NotEmpty(programs);
        var references = AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0);

        // A console program's implicit usings (Microsoft.NET.Sdk, ImplicitUsings enabled).
        var options = ScriptOptions.Default.WithReferences(references)
            .WithImports("System", "System.IO", "System.Collections.Generic", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks");
        var previous = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(workbook.Folder);
            foreach (var program in programs)
            {
                ScriptState<object> state;
                try
                {
                    state = await CSharpScript.RunAsync(program.Code, options, cancellationToken: TestContext.Current.CancellationToken);
                }
                catch (CompilationErrorException e)
                {
                    Assert.Fail($"{program}: {string.Join(Environment.NewLine, e.Diagnostics)}");
                    throw;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Assert.Fail($"{program}: {e.GetType().Name}: {e.Message}");
                    throw;
                }

                Assert.Null(state.Exception);
                var runs = state.Variables.Select(v => v.Value).OfType<NotebookPipelineResult>().ToList();
                Assert.NotEmpty(runs);
                Assert.All(runs, r => Assert.True(r.Failed == 0, $"{program}: {string.Join("; ", r.Notebooks.Select(n => n.Run.FailureText))}"));
                Assert.All(runs, r => Assert.StartsWith(Path.Combine(workbook.Folder, "out"), r.ResultsPath, StringComparison.Ordinal));
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public void EveryCommandLineParses()
    {
        var commands = Snippets().Where(s => s.Language == "sh")
            .SelectMany(s => s.Code.Split('\n').Select((line, i) => (Snippet: s with { Line = s.Line + 1 + i }, Line: line.Trim())))
            .Where(c => c.Line.Length > 0)
            .ToList();
        Assert.NotEmpty(commands);
        var root = WorkbookCommand.Create(TextWriter.Null, TextWriter.Null);
        foreach (var (snippet, line) in JoinContinuations(commands))
        {
            var words = Words(line);
            if (words is ["dotnet", "test", var solution])
            {
                Assert.True(File.Exists(Path.Combine(Root, solution)), $"{snippet}: {solution} does not exist");
                continue;
            }

            var separator = Array.IndexOf(words, "--");
            var projectAt = Array.IndexOf(words, "--project");
            Assert.True(words is ["dotnet", "run", ..] && separator > 0 && projectAt > 0, $"{snippet}: '{line}' is not a command the test knows how to check");
            var project = words[projectAt + 1];
            Assert.True(Directory.Exists(Path.Combine(Root, project)), $"{snippet}: {project} does not exist");
            if (project != "lib/ZoneGrowth.Cli")
            {
                continue; // the benchmarks: their options are BenchmarkDotNet's
            }

            var args = words[(separator + 1)..];
            if (line.Contains('[', StringComparison.Ordinal))
            {
                // A synopsis: each option it names must be an option of the verb.
                var verb = root.Subcommands.Single(c => c.Name == args[0]);
                foreach (var option in args.Select(a => a.Trim('[', ']')).Where(a => a.StartsWith("--", StringComparison.Ordinal)))
                {
                    Assert.True(verb.Options.Any(o => o.Name == option || o.Aliases.Contains(option)), $"{snippet}: '{args[0]}' has no option {option}");
                }
            }
            else
            {
                var parsed = root.Parse(args);
                Assert.True(parsed.Errors.Count == 0, $"{snippet}: '{line}': {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
            }
        }

        // The two commands of the README's front door.
        Assert.Contains(commands, c => c.Line == "dotnet run --project lib/ZoneGrowth.Cli -- run" && c.Snippet.File == "README.md");
        Assert.Contains(commands, c => c.Line == "dotnet test ZoneGrowth.slnx" && c.Snippet.File == "README.md");
    }

    private static IEnumerable<(Snippet Snippet, string Line)> JoinContinuations(IReadOnlyList<(Snippet Snippet, string Line)> lines)
    {
        // A synopsis goes on over indented lines that start with an option.
        for (var i = 0; i < lines.Count; i++)
        {
            var (snippet, line) = lines[i];
            while (i + 1 < lines.Count && lines[i + 1].Snippet.File == snippet.File && lines[i + 1].Line.StartsWith('['))
            {
                line += " " + lines[++i].Line;
            }

            yield return (snippet, line);
        }
    }

    // Words as a shell splits them, for the commands in the docs (single and double quotes, no escapes).
    private static string[] Words(string line) =>
        ShellWord().Matches(line).Select(m => m.Groups["single"].Success ? m.Groups["single"].Value : m.Groups["double"].Success ? m.Groups["double"].Value : m.Value).ToArray();

    [GeneratedRegex("""'(?<single>[^']*)'|"(?<double>[^"]*)"|[^\s]+""")]
    private static partial Regex ShellWord();

    /// <summary>
    /// A copy of the workbook's data and notebooks in a folder of its own, with its root marker, and the library
    /// folder linked (the notebooks' setup cell loads the built library from <c>../lib/</c>).
    /// </summary>
    private sealed class ScratchWorkbook : IDisposable
    {
        private ScratchWorkbook(string folder) => Folder = folder;

        public string Folder { get; }

        public static ScratchWorkbook Create()
        {
            var folder = Directory.CreateTempSubdirectory("zonegrowth-snippets-").FullName;
            File.Copy(Path.Combine(Root, WorkbookPaths.RootMarker), Path.Combine(folder, WorkbookPaths.RootMarker));
            foreach (var sub in new[] { "data", "notebooks" })
            {
                foreach (var file in Directory.GetFiles(Path.Combine(Root, sub), "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(folder, Path.GetRelativePath(Root, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }
            }

            Directory.CreateSymbolicLink(Path.Combine(folder, "lib"), Path.Combine(Root, "lib"));
            return new ScratchWorkbook(folder);
        }

        /// <summary>A notebook of notebooks/01-indicators.ipynb's parameters and setup cells, then <paramref name="code"/>.</summary>
        public string AddNotebook(string name, string code)
        {
            var notebook = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "notebooks", "01-indicators.ipynb")))!;
            var cells = (JsonArray)notebook["cells"]!;
            var setup = cells.Where(c => (string?)c!["cell_type"] == "code").Take(2).Select(c => c!.DeepClone()).ToList();
            var cell = setup[1]!.DeepClone().AsObject();
            cell["source"] = code;
            cell.Remove("id");
            notebook["cells"] = new JsonArray([.. setup, cell]);
            var path = Path.Combine(Folder, "notebooks", name);
            File.WriteAllText(path, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return path;
        }

        public void Dispose()
        {
            try
            {
                // The link first, on its own: deleting the folder must never reach the library it points to.
                Directory.Delete(Path.Combine(Folder, "lib"));
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A browser or a kernel still closing a file: the temporary folder stays.
            }
        }
    }
}
