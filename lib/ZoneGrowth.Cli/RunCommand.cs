using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ZoneGrowth.Notebooks;
using ZoneGrowth.Notebooks.Reports;

namespace ZoneGrowth.Cli;

/// <summary>
/// The <c>run</c> verb: runs notebooks headless (in-process kernel), writes each executed notebook, an HTML page
/// per notebook, <c>index.html</c> and <c>results.json</c> under the output folder, and optionally compares the
/// key figures with an earlier <c>results.json</c>.
/// </summary>
internal static class RunCommand
{
    public const string IndexFile = "index.html";
    public const string ResultsFileName = "results.json";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var notebooks = new Argument<string[]>("notebooks")
        {
            Description = "Notebooks (.ipynb) to run, in this order. Default: every notebooks/*.ipynb in name order.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        PathArguments.RejectOptionLikeTokens(notebooks, RunMessages.UnknownOption);
        var parameters = new Option<string[]>("--param")
        {
            Description = "NAME=VALUE for a variable of the cell tagged 'parameters', applied to every selected notebook that declares it. Repeatable. A relative path given to a parameter named *File, *Folder, *Path or *Directory (dataFile) is relative to the current directory; defaults written in a notebook are relative to the notebook's folder.",
            HelpName = "NAME=VALUE",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var outputFolder = new Option<string?>("--output") { Description = "Output folder. Default: the workbook's out/.", HelpName = "DIR" };
        var cellTimeout = new Option<double?>("--cell-timeout") { Description = "Longest a cell may run, in seconds. Default: 300.", HelpName = "SECONDS" };
        cellTimeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } s && !(s > 0 && double.IsFinite(s)))
            {
                result.AddError(RunMessages.CellTimeoutInvalid);
            }
        });
        var compare = new Option<string?>("--compare") { Description = "An earlier results.json: print key figures that moved, were added or removed, and data files whose hash changed. It is read before the run, so the output folder's own results.json works.", HelpName = "RESULTS.json" };
        var tolerance = new Option<double?>("--tolerance") { Description = "Relative tolerance for --compare. Default: 1e-6.", HelpName = "X" };
        tolerance.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } t && !(t >= 0 && double.IsFinite(t)))
            {
                result.AddError(RunMessages.ToleranceInvalid);
            }
        });
        var failOnDrift = new Option<bool>("--fail-on-drift") { Description = $"With --compare: exit with code {WorkbookCommand.Drift} when anything changed." };

        var noChartImages = new Option<bool>("--no-chart-images") { Description = "Do not add a static SVG of each Plotly chart to the executed notebooks (made with headless Chromium, one launch for the whole run)." };
        var chromium = new Option<string?>("--chromium") { Description = "Chromium executable for the chart images. Default: /usr/bin/chromium, else chromium on PATH; without one the images are skipped with a note.", HelpName = "PATH" };

        var command = new Command("run", "Run the notebooks headless; write executed notebooks, HTML reports, index.html and results.json.")
        {
            notebooks, parameters, outputFolder, cellTimeout, compare, tolerance, failOnDrift, noChartImages, chromium,
        };
        command.SetAction(result => new RunInvocation(
            result.GetValue(notebooks) ?? [],
            result.GetValue(parameters) ?? [],
            result.GetValue(outputFolder),
            result.GetValue(cellTimeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : NotebookRunnerOptions.DefaultCellTimeout,
            result.GetValue(compare),
            result.GetValue(tolerance) ?? ResultsComparison.DefaultTolerance,
            result.GetValue(failOnDrift),
            new ChartImageSettings(!result.GetValue(noChartImages), result.GetValue(chromium)),
            output,
            error).Execute());
        return command;
    }

    private sealed class RunInvocation(
        string[] notebookArgs,
        string[] parameterArgs,
        string? outputArg,
        TimeSpan cellTimeout,
        string? compareArg,
        double tolerance,
        bool failOnDrift,
        ChartImageSettings chartImages,
        TextWriter output,
        TextWriter error)
    {
        public int Execute()
        {
            var clock = Stopwatch.StartNew();
            // Notebooks: given, or every notebooks/*.ipynb in name order.
            string[] paths;
            string? emptyFolder = null;
            try
            {
                if (notebookArgs.Length > 0)
                {
                    foreach (var path in notebookArgs)
                    {
                        if (!File.Exists(path))
                        {
                            error.WriteLine(RunMessages.NotebookMissing(path));
                            return WorkbookCommand.Usage;
                        }

                        if (!path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                        {
                            error.WriteLine(RunMessages.NotANotebookFile(path));
                            return WorkbookCommand.Usage;
                        }
                    }

                    paths = notebookArgs.Select(Path.GetFullPath).ToArray();
                    // Outputs are named after the notebook's file name: two notebooks with one name would overwrite each other.
                    if (paths.GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } clash)
                    {
                        error.WriteLine(RunMessages.SameName(clash.ToList()));
                        return WorkbookCommand.Usage;
                    }
                }
                else
                {
                    var folder = WorkbookPaths.NotebooksFolder;
                    paths = Directory.Exists(folder)
                        ? Directory.GetFiles(folder, "*.ipynb").Where(p => !p.EndsWith(".executed.ipynb", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray()
                        : [];
                    if (paths.Length == 0)
                    {
                        emptyFolder = folder;
                    }
                }
            }
            catch (DirectoryNotFoundException e)
            {
                error.WriteLine(e.Message);
                return WorkbookCommand.Usage;
            }

            // Parameters: every passed name must be declared by a selected notebook, and parse as its type there.
            IReadOnlyDictionary<string, string> passed;
            Dictionary<string, IReadOnlyList<NotebookParameter>> declared;
            try
            {
                passed = NotebookParameters.ResolvePaths(NotebookParameters.ParseAssignments(parameterArgs), Environment.CurrentDirectory);
            }
            catch (NotebookParameterException e)
            {
                error.WriteLine(e.Message);
                return WorkbookCommand.Usage;
            }

            declared = new Dictionary<string, IReadOnlyList<NotebookParameter>>(StringComparer.Ordinal);
            foreach (var path in paths)
            {
                try
                {
                    declared[path] = NotebookParameters.ReadFromNotebook(path) ?? [];
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException or System.Text.Json.JsonException)
                {
                    // An unreadable notebook fails on its own when it is run (the runner reports why); the others still run.
                    declared[path] = [];
                }
            }

            var valid = declared.Values.SelectMany(d => d).Select(p => p.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var unknown = passed.Keys.Where(k => !valid.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                error.WriteLine(RunMessages.UnknownParameters(unknown, valid));
                return WorkbookCommand.Usage;
            }

            var perNotebook = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var (path, declarations) in declared)
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, value) in passed)
                {
                    // A later declaration of the same name wins, as in the script.
                    if (declarations.LastOrDefault(d => d.Name == name) is not { } declaration)
                    {
                        continue;
                    }

                    try
                    {
                        NotebookParameters.ParseValue(declaration, value);
                    }
                    catch (NotebookParameterException e)
                    {
                        error.WriteLine(RunMessages.BadParameterValue(Path.GetFileName(path), e.Message));
                        return WorkbookCommand.Usage;
                    }

                    values[name] = value;
                }

                perNotebook[path] = values;
            }

            ResultsFile? previous = null;
            if (compareArg is not null)
            {
                try
                {
                    previous = ResultsFile.Load(compareArg);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    error.WriteLine(RunMessages.CompareUnreadable(compareArg, e.Message));
                    return WorkbookCommand.Usage;
                }
            }

            string outputFolder;
            try
            {
                outputFolder = Path.GetFullPath(outputArg ?? WorkbookPaths.OutputFolder);
                Directory.CreateDirectory(outputFolder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
            {
                error.WriteLine(e.Message);
                return WorkbookCommand.Usage;
            }

            var git = GitState.Read(RepositoryRoot() ?? Directory.GetCurrentDirectory());
            var code = RunAll(paths, perNotebook, outputFolder, git, passed, emptyFolder, clock, out var current);
            if (previous is not null)
            {
                var comparison = ResultsComparison.Compare(previous, current, tolerance);
                output.WriteLine();
                output.WriteLine(RunMessages.CompareHeader(compareArg!, tolerance));
                output.WriteLine(comparison.ToString());
                if (comparison.HasDrift && failOnDrift)
                {
                    error.WriteLine(RunMessages.DriftFailure);
                    return code == WorkbookCommand.Success ? WorkbookCommand.Drift : code;
                }
            }

            return code;
        }

        private int RunAll(
            string[] paths,
            Dictionary<string, IReadOnlyDictionary<string, string>> parameters,
            string outputFolder,
            GitState git,
            IReadOnlyDictionary<string, string> passed,
            string? emptyFolder,
            Stopwatch clock,
            out ResultsFile results)
        {
            // Chart images are added after all notebooks ran, in one Chromium launch for the whole run (plotly.js is
            // parsed once instead of once per notebook); the HTML reports draw the charts themselves and ignore them.
            var runner = new NotebookRunner(new NotebookRunnerOptions { CellTimeout = cellTimeout, ChartImages = false });
            var written = new List<string>();
            var report = new NotebookHtmlReport();
            var entries = new List<ReportIndexEntry>();
            var notebooks = new List<ResultsFileNotebook>();
            var failed = 0;
            var summary = new List<string>();
            if (emptyFolder is not null)
            {
                output.WriteLine(RunMessages.NoNotebooks(emptyFolder));
            }

            for (var i = 0; i < paths.Length; i++)
            {
                var path = paths[i];
                var name = Path.GetFileName(path);
                var stem = Path.GetFileNameWithoutExtension(path);
                var executedPath = Path.Combine(outputFolder, stem + ".ipynb");
                var htmlPath = Path.Combine(outputFolder, stem + ".html");
                error.WriteLine(RunMessages.NotebookStarting(i + 1, paths.Length, name));
                var started = DateTimeOffset.UtcNow;
                var progress = new TerminalProgress(error, i + 1, paths.Length, name);
                var result = runner.RunAsync(new NotebookRunRequest(path, executedPath, parameters[path]), progress).GetAwaiter().GetResult();
                var failure = result.Failure?.ToString() ?? result.SetupError;

                if (!result.Succeeded)
                {
                    failed++;
                    error.WriteLine(RunMessages.NotebookFailed(failure ?? name));
                }

                var publications = NotebookPublications.Empty;
                string? reportHref = null;
                if (result.OutputPath is { } executed)
                {
                    written.Add(executed);
                    publications = NotebookPublications.FromFile(executed);
                    foreach (var problem in publications.Problems)
                    {
                        error.WriteLine(RunMessages.PublicationProblem(name, problem));
                    }

                    var provenance = new ReportProvenance(started, result.Elapsed, git, result.Parameters, result.Succeeded ? null : failure);
                    var page = report.Write(executed, htmlPath, provenance, IndexFile);
                    foreach (var warning in page.Warnings)
                    {
                        error.WriteLine(RunMessages.ReportWarning(name, warning));
                    }

                    reportHref = Path.GetFileName(htmlPath);
                }

                entries.Add(new ReportIndexEntry(name, reportHref, result.OutputPath is null ? null : Path.GetFileName(result.OutputPath), result.Succeeded, failure, result.Elapsed, publications.Results.Count));
                notebooks.Add(new ResultsFileNotebook(
                    DisplayPath(path),
                    result.Succeeded ? ResultsFileNotebook.Succeeded : ResultsFileNotebook.Failed,
                    Math.Round(result.Elapsed.TotalSeconds, 3),
                    result.Succeeded ? null : failure,
                    publications.DataFiles,
                    publications.Results));
                summary.Add(RunMessages.SummaryLine(name, result.Succeeded, result.Elapsed, publications.Results.Count,
                    result.Failure is { } f ? RunMessages.ShortFailure(f.CellNumber, f.ErrorName) : result.SetupError is null ? null : RunMessages.SetupFailure));
            }

            if (chartImages.Enabled && written.Count > 0)
            {
                var imageClock = Stopwatch.StartNew();
                var images = NotebookChartImages.AddToFilesAsync(written, chartImages.ChromiumPath, NotebookRunnerOptions.DefaultChartImageTimeout).GetAwaiter().GetResult();
                if (images.Note is { } note)
                {
                    // Once per run, however many notebooks have charts.
                    error.WriteLine(note);
                }

                if (images.Images > 0)
                {
                    error.WriteLine(RunMessages.ChartImagesAdded(images.Images, images.Charts, imageClock.Elapsed));
                }
            }

            var generated = DateTimeOffset.UtcNow;
            results = new ResultsFile(generated, git, passed, notebooks);
            var resultsPath = Path.Combine(outputFolder, ResultsFileName);
            results.Write(resultsPath);
            var indexPath = Path.Combine(outputFolder, IndexFile);
            File.WriteAllText(indexPath, ReportIndexPage.Render(
                RunMessages.IndexTitle, entries, RunMessages.NoNotebooks(emptyFolder ?? "the notebooks folder"), generated, git, ResultsFileName));

            foreach (var line in summary)
            {
                output.WriteLine(line);
            }

            if (paths.Length > 0)
            {
                output.WriteLine(RunMessages.Summary(paths.Length, failed, clock.Elapsed));
            }

            output.WriteLine(RunMessages.Wrote(indexPath, resultsPath));
            return failed > 0 ? WorkbookCommand.RunFailed : WorkbookCommand.Success;
        }

        private static string? RepositoryRoot()
        {
            try
            {
                return WorkbookPaths.Root;
            }
            catch (DirectoryNotFoundException)
            {
                return null;
            }
        }

        // Inside the repository: relative to its root (stable across machines); elsewhere: the full path.
        private static string DisplayPath(string path)
        {
            if (RepositoryRoot() is { } root)
            {
                var relative = Path.GetRelativePath(root, path);
                if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
                {
                    return relative.Replace('\\', '/');
                }
            }

            return path;
        }
    }

    /// <summary>Whether to add static chart images, and with which browser (<c>null</c>: the default lookup).</summary>
    private sealed record ChartImageSettings(bool Enabled, string? ChromiumPath);

    /// <summary>
    /// Writes progress synchronously to a writer taken before the run (the kernel swaps Console.Error while a
    /// cell runs); <see cref="Progress{T}"/> would post to the thread pool and reorder lines.
    /// </summary>
    private sealed class TerminalProgress(TextWriter error, int index, int count, string name) : IProgress<NotebookProgress>
    {
        public void Report(NotebookProgress value)
        {
            var line = value.Stage == NotebookProgressStage.CellStarting
                ? RunMessages.CellStarting(index, count, name, value.CellNumber, value.CellCount, value.CodeCellNumber is null)
                : RunMessages.CellFinished(index, count, name, value.CellNumber, value.CellCount, value.CodeCellNumber is null, value.Stage == NotebookProgressStage.CellSucceeded, value.CellElapsed ?? TimeSpan.Zero, value.Elapsed);
            error.WriteLine(line);
            error.Flush();
        }
    }
}
