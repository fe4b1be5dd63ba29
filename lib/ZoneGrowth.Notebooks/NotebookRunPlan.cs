using System.Text.Json.Nodes;

namespace ZoneGrowth.Notebooks;

/// <summary>
/// What a run will do, checked before anything runs: the notebooks, each read once, and the passed parameters,
/// each parsed once as the type its notebook declares. A plan with <see cref="Problems"/> must not run (they are
/// mistakes of the caller: a missing notebook, an unknown parameter, a value that does not parse).
/// </summary>
/// <remarks>
/// A passed name must be declared by at least one of the notebooks, and its value must parse as the declared type in
/// every notebook that declares it; each notebook receives only the names it declares. A notebook that cannot be read
/// is not a problem of the plan: it fails on its own when the run reaches it, and the others still run.
/// </remarks>
public sealed class NotebookRunPlan
{
    private NotebookRunPlan(IReadOnlyList<PlannedNotebook> notebooks, IReadOnlyDictionary<string, JsonNode?> parameters, IReadOnlyList<string> problems, string? nothingToRun)
    {
        Notebooks = notebooks;
        Parameters = parameters;
        Problems = problems;
        NothingToRun = nothingToRun;
    }

    /// <summary>The notebooks, in run order.</summary>
    public IReadOnlyList<PlannedNotebook> Notebooks { get; }

    /// <summary>The passed values, typed (as JSON: numbers as numbers), by name: what <c>results.json</c> records.
    /// A name declared by several notebooks is typed by the first of them in run order.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Parameters { get; }

    /// <summary>Why the run cannot start, one message each; empty when it can.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Says that the notebooks folder holds no notebook, or <c>null</c>.</summary>
    public string? NothingToRun { get; }

    /// <summary>
    /// Plans a run from command-line input: the notebooks named (or, when none is, every <c>*.ipynb</c> of
    /// <paramref name="notebooksFolder"/> in name order, <c>*.executed.ipynb</c> excepted) and <c>NAME=VALUE</c>
    /// pairs, where a relative path given to a path parameter (<see cref="NotebookParameters.IsPathName"/>) is made
    /// absolute against <paramref name="workingDirectory"/>.
    /// </summary>
    public static NotebookRunPlan Create(IReadOnlyList<string> notebooks, string? notebooksFolder, IReadOnlyList<string> parameterAssignments, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(parameterAssignments);
        var problems = new List<string>();
        var paths = notebooks.Count > 0 ? CheckNamed(notebooks, problems) : FindNotebooks(notebooksFolder ?? throw new ArgumentNullException(nameof(notebooksFolder)));
        IReadOnlyDictionary<string, string> values = new Dictionary<string, string>();
        IReadOnlyDictionary<string, string> given = values;
        try
        {
            given = NotebookParameters.ParseAssignments(parameterAssignments);
            values = NotebookParameters.ResolvePaths(given, workingDirectory);
        }
        catch (NotebookParameterException e)
        {
            problems.Add(e.Message);
        }

        var plan = problems.Count > 0 ? new NotebookRunPlan([], new Dictionary<string, JsonNode?>(), problems, null) : Create(paths, values, given, workingDirectory);
        return notebooks.Count == 0 && paths.Count == 0 ? plan.With(NotebookMessages.NoNotebooks(notebooksFolder!)) : plan;
    }

    /// <summary>
    /// Plans a run of the given notebooks with values as text by name. A relative path among them is passed on as
    /// is, and read by the library against the workbook's root (<see cref="ZoneGrowth.WorkbookPaths.ResolveFrom"/>).
    /// </summary>
    public static NotebookRunPlan Create(IReadOnlyList<string> notebooks, IReadOnlyDictionary<string, string> values) =>
        Create(notebooks, values, null, null);

    private static NotebookRunPlan Create(IReadOnlyList<string> notebooks, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? typedText, string? typedIn)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        ArgumentNullException.ThrowIfNull(values);
        var problems = new List<string>();

        // Each notebook is read here, once.
        var sources = notebooks.Select(path => Read(Path.GetFullPath(path))).ToList();

        // Every passed name must be declared somewhere.
        var declared = sources.SelectMany(s => s.Source?.Parameters ?? []).Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        var unknown = values.Keys.Where(k => !declared.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(NotebookMessages.UnknownParameters(unknown, declared));
        }

        // Each value is parsed once per notebook that declares it, as the type it declares.
        var planned = new List<PlannedNotebook>();
        var typed = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (path, source, loadError) in sources)
        {
            IReadOnlyList<NotebookParameterValue> parameters = [];
            if (source?.Parameters is { } declarations && unknown.Count == 0)
            {
                var own = values.Where(v => declarations.Any(d => d.Name == v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
                try
                {
                    parameters = NotebookParameters.Bind(declarations, own);
                }
                catch (NotebookParameterException e)
                {
                    problems.Add(NotebookMessages.InNotebook(path, e.Message));
                }
            }

            foreach (var value in parameters.Where(p => p.Injected && !typed.ContainsKey(p.Name)))
            {
                typed[value.Name] = value.ToJson();
            }

            planned.Add(new PlannedNotebook(path, source, loadError, parameters));
        }

        // Every file a notebook will read, passed in or its default, exists: a missing one is refused now, not after the warm-up.
        if (problems.Count == 0)
        {
            problems.AddRange(MissingFiles(planned, typedText, typedIn));
        }

        // In the order passed, as results.json has always listed them.
        var ordered = values.Keys.Where(typed.ContainsKey).ToDictionary(k => k, k => typed[k], StringComparer.Ordinal);
        return new NotebookRunPlan(planned, ordered, problems, null);
    }

    /// <summary>Every <c>*.ipynb</c> of a folder in ordinal name order, <c>*.executed.ipynb</c> excepted; none when the folder does not exist.</summary>
    public static IReadOnlyList<string> FindNotebooks(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.ipynb").Where(p => !p.EndsWith(".executed.ipynb", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>
    /// The file parameters (<c>…File</c>, a string) whose file does not exist, one message per parameter and path,
    /// naming the notebooks, the value as given, the rule it was read by and the path it became.
    /// </summary>
    private static IEnumerable<string> MissingFiles(IReadOnlyList<PlannedNotebook> planned, IReadOnlyDictionary<string, string>? typedText, string? typedIn)
    {
        var missing = new List<(string Notebook, string Name, string Message)>();
        foreach (var notebook in planned.Where(n => n.Source is not null))
        {
            foreach (var value in notebook.Parameters.Where(p => p.Type == NotebookParameterType.String && p.Name.EndsWith("File", StringComparison.Ordinal)))
            {
                var path = value.Injected ? value.Value as string : notebook.Source!.Parameters?.FirstOrDefault(d => d.Name == value.Name)?.DefaultString;
                if (string.IsNullOrEmpty(path))
                {
                    continue;
                }

                // A value typed on the command line was made absolute against the directory it was typed in; say so.
                var message = ZoneGrowth.Data.DataSet.MissingFile(path, notebook.Path) is not { } problem ? null
                    : value.Injected && typedText?.GetValueOrDefault(value.Name) is { } text && typedIn is not null && !Path.IsPathRooted(text) ? NotebookMessages.TypedFileMissing(text, typedIn, path)
                    : problem;
                if (message is not null)
                {
                    missing.Add((notebook.Path, value.Name, message));
                }
            }
        }

        return missing.GroupBy(m => (m.Name, m.Message)).Select(g => NotebookMessages.FileParameterMissing(g.Key.Name, g.Select(m => m.Notebook).ToList(), g.Key.Message));
    }

    private NotebookRunPlan With(string nothingToRun) => new(Notebooks, Parameters, Problems, nothingToRun);

    private static (string Path, NotebookSource? Source, string? LoadError) Read(string path)
    {
        try
        {
            return (path, NotebookSource.Load(path), null);
        }
        catch (InvalidDataException e)
        {
            return (path, null, e.Message);
        }
    }

    private static IReadOnlyList<string> CheckNamed(IReadOnlyList<string> notebooks, List<string> problems)
    {
        foreach (var path in notebooks)
        {
            if (!File.Exists(path))
            {
                problems.Add(NotebookMessages.NotebookMissing(path));
            }
            else if (!path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(NotebookMessages.NotANotebookFile(path));
            }
        }

        var paths = notebooks.Select(Path.GetFullPath).ToArray();
        // Outputs are named after the notebook's file name: two notebooks with one name would overwrite each other.
        foreach (var clash in paths.GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(NotebookMessages.SameName(clash.ToList()));
        }

        return paths;
    }
}
