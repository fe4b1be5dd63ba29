using System.Globalization;
using static System.FormattableString;

namespace ZoneGrowth.Notebooks;

/// <summary>
/// Every message of the notebooks layer (choosing and reading notebooks, parameters, running cells, writing the
/// outputs), in one place: each says what was found, the rule it breaks and what to do (house style, as
/// <c>DataMessages</c> of the data layer). The reports area has its own, <c>Reports.ReportMessages</c>.
/// </summary>
internal static class NotebookMessages
{
    private const string ParametersCell = "the cell tagged 'parameters'";

    // Choosing notebooks

    public static string NotebookMissing(string path) =>
        Invariant($"Notebook not found: {path} (working directory {Directory.GetCurrentDirectory()}). Give the path of an .ipynb file, relative to the working directory or absolute.");

    public static string NotANotebookFile(string path) =>
        Invariant($"Not a notebook: {path} does not end in .ipynb, and only Jupyter notebooks can be run. Give the .ipynb file.");

    public static string SameName(IReadOnlyList<string> paths) =>
        Invariant($"These notebooks have the same name: {string.Join(", ", paths)}. Each notebook's outputs are named after it, so they would overwrite each other; run them separately, each with its own --output folder.");

    public static string NoNotebooks(string folder) => Invariant($"No notebooks found in {folder} (*.ipynb): nothing to run.");

    // Reading a notebook

    public static string Unreadable(string path, string detail) =>
        Invariant($"{path}: cannot read notebook: {detail}. A notebook is nbformat 4 JSON; open it in VS Code or Jupyter and save it again, or restore it from version control.");

    public const string NotJupyter = "it is not a Jupyter notebook (no 'cells' array)";

    public static string UnsupportedNbformat(int major) => Invariant($"it is nbformat {major}, and only nbformat 4 is read");

    // Parameters

    public static string TypedFileMissing(string given, string typedIn, string resolved) =>
        Invariant($"Data file \"{given}\" was not found: read as relative to the directory the command was run in, {typedIn}, it is {resolved}, which does not exist. Give a path relative to that directory, or an absolute path.");

    public static string FileParameterMissing(string name, IReadOnlyList<string> notebooks, string problem) =>
        Invariant($"Parameter {name} of {string.Join(", ", notebooks.Select(Path.GetFileName))}: {problem} Nothing was run.");

    public static string NotAnAssignment(string pair) =>
        Invariant($"Parameter '{pair}' has no name before an '=': a parameter is written name=value, e.g. --param seed=42 or --param dataFile=zone.csv.");

    public static string UnknownParameters(IReadOnlyCollection<string> names, IReadOnlyCollection<string> valid) =>
        Invariant($"Unknown parameter{(names.Count > 1 ? "s" : "")} {string.Join(", ", names.Select(n => $"'{n}'"))}: no notebook run declares {(names.Count > 1 ? "them" : "it")} in {ParametersCell}, and only declared variables can be set. Valid names: {(valid.Count == 0 ? "none (no cell tagged 'parameters' in the notebooks run)" : string.Join(", ", valid))}. Check the spelling (names are case-sensitive) or leave {(names.Count > 1 ? "them" : "it")} out.");

    public static string UnsettableType(NotebookParameter parameter) =>
        Invariant($"Parameter '{parameter.Name}' is declared as '{parameter.DeclaredTypeText}', which cannot be set from outside the notebook: only string, int, long, double, decimal and bool variables (not const or readonly) can. Change the declaration in {ParametersCell}, or leave the parameter out.");

    public static string BadValue(NotebookParameter parameter, string text) =>
        Invariant($"Value '{text}' for parameter '{parameter.Name}' is not a valid {Describe(parameter.Type)} (declared '{parameter.DeclaredTypeText} {parameter.Name}'). {Example(parameter.Type)}");

    public static string InNotebook(string path, string message) => Invariant($"{Path.GetFileName(path)}: {message}");

    public static string NoLiteralForm(Type type) => Invariant($"No literal form for {type}");

    // Running

    public static string OutputIsInput(string path) =>
        Invariant($"{path}: the executed copy would be written over the notebook itself, and the notebook is never modified by a run. Write the outputs to another folder or file.");

    public static string LimitNotPositive(string option, TimeSpan found) =>
        Invariant($"{option} is {found}, but a time limit must be longer than zero. Give a positive duration, or leave it at its default.");

    public static string CancelledBeforeStart(string path) => Invariant($"{path}: the run was cancelled before the notebook started.");

    public static string UnsupportedKernel(string kernelName) =>
        Invariant($"This cell is for the '{kernelName}' kernel, and the runner hosts only the C# kernel. Write the cell in C#, or run the notebook in Polyglot Notebooks.");

    public static string CellTimedOut(TimeSpan timeout) =>
        Invariant($"Cell timed out after {Seconds(timeout)} s and was cancelled. A cell may run for the cell timeout (kernel start and package restore are timed separately, as the warm-up); make the cell faster or raise the limit (--cell-timeout SECONDS).");

    public static string CellFailed(CellFailure f) =>
        Invariant($"{f.NotebookPath}: cell {f.CellNumber}{(f.CodeCellNumber is { } c ? $" (code cell {c})" : " (injected parameters)")} failed: {f.ErrorName}: {f.Message}");

    public static string ExtensionFailed(string extension, string package, string version, string detail) =>
        Invariant($"Failed to load notebook extension {extension} of package {package} {version}: {detail}. The package's interactive-extensions could not start in this kernel; check that the package version matches the others of the notebook (Directory.Packages.props).");

    public const string CellCancelled = "The run was cancelled while this cell was executing.";

    public const string KernelDidNotComplete = "The kernel did not complete the cell.";

    public static string WarmUpTimedOut(string path, TimeSpan timeout, int packages) =>
        Invariant($"{path}: the warm-up ({WarmUp(packages)}) did not finish within {Seconds(timeout)} s, so no cell ran. The warm-up has its own limit, apart from the cell timeout; a first run downloads the packages (hundreds of MB for Plotly.NET). Raise the limit (--warm-up-timeout SECONDS) or check that NuGet is reachable.");

    public static string WarmUpFailed(string path, int packages, string error) =>
        Invariant($"{path}: the warm-up ({WarmUp(packages)}) failed, so no cell ran: {error}. The packages are those of the notebook's #r \"nuget:...\" lines: check their names and versions (one package with two versions in two cells fails here too) and that NuGet is reachable.");

    public static string WarmUpCancelled(string path) => Invariant($"{path}: the run was cancelled during the warm-up, before any cell ran.");

    /// <summary>What the warm-up step does, for messages and progress: <c>kernel start and restore of 7 NuGet packages</c>.</summary>
    public static string WarmUp(int packages) =>
        packages == 0 ? "kernel start" : Invariant($"kernel start and restore of {packages} NuGet package{(packages == 1 ? "" : "s")}");

    // Writing

    public static string CannotWrite(string path, string detail) =>
        Invariant($"{path}: cannot write the executed notebook: {detail}. Check that the output folder is writable and has space, or choose another (--output DIR).");

    public const string IndexTitle = "Workbook run";

    // Files of an earlier run (the output folder's manifest)

    public static string StaleOutputRemoved(string path) =>
        Invariant($"removed {path}: an earlier run of the workbook wrote it into this folder and this run did not, so it would show an older vintage than index.html");

    public static string StaleOutputChanged(string path, string manifest) =>
        Invariant($"kept {path}: an earlier run of the workbook wrote it and this run did not, but it has changed since ({manifest} holds another size or SHA-256), so it is treated as your own and left in place. It may show an older vintage than index.html: delete it, or move it out of the output folder.");

    public static string StaleOutputNotRemoved(string path, string why) =>
        Invariant($"could not remove {path}, which an earlier run of the workbook wrote and this run did not: {why}. It shows an older vintage than index.html: delete it by hand (the next run tries again).");

    public static string ManifestNotWritten(string path, string why) =>
        Invariant($"could not write {path}: {why}. It records what this run wrote, so that the next run can remove what it no longer writes; without it the next run removes only the outputs named after a notebook. Check that the output folder is writable.");

    private static string Describe(NotebookParameterType type) => type switch
    {
        NotebookParameterType.Int32 => "int (32-bit integer)",
        NotebookParameterType.Int64 => "long (64-bit integer)",
        NotebookParameterType.Double => "double (number, '.' as decimal separator)",
        NotebookParameterType.Decimal => "decimal (number, '.' as decimal separator)",
        NotebookParameterType.Boolean => "bool (true or false)",
        _ => type.ToString(),
    };

    private static string Example(NotebookParameterType type) => type switch
    {
        NotebookParameterType.Int32 or NotebookParameterType.Int64 => "Write digits only, e.g. 42 or -3 (no separators, no decimals).",
        NotebookParameterType.Double or NotebookParameterType.Decimal => "Write a number with '.' as the decimal point and no thousands separators, e.g. 6500.5.",
        NotebookParameterType.Boolean => "Write true or false, in lower case.",
        _ => "",
    };

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString(CultureInfo.InvariantCulture);

}
