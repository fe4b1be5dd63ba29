using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Notebooks;

/// <summary>A code cell to run, with its numbers in the notebook as read.</summary>
internal sealed record CodeCell(JsonObject Json, int CellNumber, int? CodeCellNumber, bool IsInjected);

/// <summary>
/// The notebook as it will be executed and written: a copy of the source in nbformat 4.5 (cell ids), previous
/// outputs cleared, notebook metadata for the .NET Interactive C# kernel, and the <c>injected-parameters</c> cell
/// built from the typed values. The runner fills the cells' outputs in place; the same object then gets its chart
/// images, is rendered as a report and is written, once.
/// </summary>
internal sealed partial class PreparedNotebook
{
    private PreparedNotebook(NotebookSource source, JsonObject notebook, IReadOnlyList<CodeCell> codeCells, int cellCount, int codeCellCount,
        IReadOnlyList<NotebookParameterValue> parameters, IReadOnlyList<string> packageDirectives)
    {
        Source = source;
        Notebook = notebook;
        CodeCells = codeCells;
        CellCount = cellCount;
        CodeCellCount = codeCellCount;
        Parameters = parameters;
        PackageDirectives = packageDirectives;
    }

    public NotebookSource Source { get; }
    public JsonObject Notebook { get; }
    public IReadOnlyList<CodeCell> CodeCells { get; }
    public int CellCount { get; }
    public int CodeCellCount { get; }
    public IReadOnlyList<NotebookParameterValue> Parameters { get; }

    /// <summary>The <c>#r "nuget:..."</c> and <c>#i "nuget:..."</c> lines of the C# cells, in order, each once: what the warm-up restores.</summary>
    public IReadOnlyList<string> PackageDirectives { get; }

    /// <summary>Number of NuGet packages the warm-up restores.</summary>
    public int PackageCount => PackageDirectives.Count(d => d.StartsWith("#r", StringComparison.Ordinal));

    /// <summary>
    /// The warm-up submission: the package directives, the import of the kernel's helpers (<c>display</c>, ...) that
    /// every cell sees, then one statement that declares nothing and shows nothing but makes Roslyn bind, emit and run
    /// a method call, the first-time cost of a process's first real cell.
    /// </summary>
    public string WarmUpCode(string extraCode) =>
        string.Concat(PackageDirectives.Select(d => d + "\n")) + KernelSession.KernelHelpersImport + "\n"
        + "System.GC.KeepAlive(null); // warm-up, timed apart from the cells\n" + extraCode;

    /// <summary>Prepares a notebook to run: a copy of the source with the injected cell built from the typed values.</summary>
    /// <param name="source">The notebook as read.</param>
    /// <param name="parameters">Its parameter values, typed once (<see cref="NotebookParameters.Bind"/>).</param>
    public static PreparedNotebook Prepare(NotebookSource source, IReadOnlyList<NotebookParameterValue> parameters)
    {
        // Work on a copy: the notebook read from disk is never modified.
        var notebook = (JsonObject)source.Json.DeepClone();
        var cells = (JsonArray)notebook["cells"]!;

        // A notebook that is itself an executed copy carries an injected cell from that run: drop it (papermill).
        foreach (var stale in cells.OfType<JsonObject>().Where(c => Ipynb.Tags(c).Contains(NotebookParameters.InjectedParametersTag)).ToList())
        {
            cells.Remove(stale);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var codeCells = new List<CodeCell>();
        var directives = new List<string>();
        JsonObject? parametersCell = null;
        int parametersCellNumber = 0, cellNumber = 0, codeCellNumber = 0;
        foreach (var cell in cells.OfType<JsonObject>())
        {
            cellNumber++;
            Normalize(cell, cellNumber, ids);
            if ((string?)cell["cell_type"] != "code")
            {
                continue;
            }

            codeCellNumber++;
            codeCells.Add(new CodeCell(cell, cellNumber, codeCellNumber, false));
            if (Ipynb.KernelName(cell) is null || NotebookRunner.IsCSharp(Ipynb.KernelName(cell)!))
            {
                directives.AddRange(PackageDirective().Matches(Ipynb.Text(cell["source"])).Select(m => m.Value.Trim()).Where(d => !directives.Contains(d)));
            }

            if (parametersCell is null && Ipynb.Tags(cell).Contains(NotebookParameters.ParametersTag))
            {
                parametersCell = cell;
                parametersCellNumber = cellNumber;
            }
        }

        if (parametersCell is not null && NotebookParameters.BuildInjectedCode(parameters) is { } code)
        {
            var injected = new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["id"] = UniqueId("injected-parameters", ids),
                ["metadata"] = new JsonObject
                {
                    ["tags"] = new JsonArray(NotebookParameters.InjectedParametersTag),
                    ["polyglot_notebook"] = new JsonObject { ["kernelName"] = Ipynb.CSharpKernelName },
                    ["dotnet_interactive"] = new JsonObject { ["language"] = Ipynb.CSharpKernelName },
                },
                ["outputs"] = new JsonArray(),
                ["source"] = Ipynb.ToLines(code.TrimEnd('\n')),
            };
            cells.Insert(cells.IndexOf(parametersCell) + 1, injected);
            var at = codeCells.FindIndex(c => ReferenceEquals(c.Json, parametersCell)) + 1;
            codeCells.Insert(at, new CodeCell(injected, parametersCellNumber, null, true));
        }

        SetNotebookMetadata(notebook);
        return new PreparedNotebook(source, notebook, codeCells, cellNumber, codeCellNumber, parameters, directives);
    }

    [GeneratedRegex(@"^[ \t]*#[ri][ \t]+""nuget:[^""\r\n]*""", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex PackageDirective();

    private static void Normalize(JsonObject cell, int cellNumber, HashSet<string> ids)
    {
        if (cell["metadata"] is not JsonObject)
        {
            cell["metadata"] = new JsonObject();
        }

        // nbformat 4.5 requires a unique id per cell (1-64 of [a-zA-Z0-9-_]); keep valid ones.
        var id = cell["id"] is JsonValue v && v.TryGetValue<string>(out var s) && IsValidId(s) && !ids.Contains(s) ? s : null;
        cell["id"] = id ?? UniqueId($"cell-{cellNumber}", ids);
        ids.Add((string)cell["id"]!);

        if (cell["source"] is null)
        {
            cell["source"] = "";
        }

        if ((string?)cell["cell_type"] == "code")
        {
            // Outputs of an earlier run would be stale next to the new ones.
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
        }
        else
        {
            // The schema forbids these on markdown and raw cells; some tools write them anyway.
            cell.Remove("outputs");
            cell.Remove("execution_count");
        }
    }

    private static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string UniqueId(string wanted, HashSet<string> ids)
    {
        var id = wanted;
        for (var i = 2; ids.Contains(id); i++)
        {
            id = $"{wanted}-{i}";
        }

        ids.Add(id);
        return id;
    }

    private static void SetNotebookMetadata(JsonObject notebook)
    {
        notebook["nbformat"] = 4;
        notebook["nbformat_minor"] = 5;
        if (notebook["metadata"] is not JsonObject metadata)
        {
            notebook["metadata"] = metadata = new JsonObject();
        }

        // What the .NET Interactive Jupyter kernel (kernelspec .net-csharp) writes, so Jupyter front ends pick it.
        metadata["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        };
        metadata["language_info"] = new JsonObject
        {
            ["file_extension"] = ".cs",
            ["mimetype"] = "text/x-csharp",
            ["name"] = "C#",
            ["pygments_lexer"] = "csharp",
            ["version"] = "13.0",
        };

        // What Polyglot Notebooks in VS Code reads to pick the default kernel of cells.
        if (metadata["polyglot_notebook"] is not JsonObject polyglot)
        {
            metadata["polyglot_notebook"] = polyglot = new JsonObject();
        }

        if (polyglot["kernelInfo"] is not JsonObject kernelInfo)
        {
            polyglot["kernelInfo"] = kernelInfo = new JsonObject();
        }

        kernelInfo["defaultKernelName"] = Ipynb.CSharpKernelName;
        if (kernelInfo["items"] is not JsonArray items)
        {
            kernelInfo["items"] = items = new JsonArray();
        }

        if (!items.OfType<JsonObject>().Any(i => (string?)i["name"] == Ipynb.CSharpKernelName))
        {
            items.Add(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = Ipynb.CSharpKernelName });
        }
    }
}
