using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ZoneGrowth.Data;
using ZoneGrowth.Notebooks.Reports;

namespace ZoneGrowth.Notebooks;

/// <summary>
/// The run path, top to bottom: each notebook of a <see cref="NotebookRunPlan"/> (read once, parameters typed once)
/// is executed in memory, and as soon as it has run its charts get their pictures in the run's one browser while the
/// next notebook runs; then each executed notebook is written once, with its HTML page rendered from the same object; last come
/// <c>results.json</c> and <c>index.html</c>; with <see cref="NotebookPipelineOptions.Pdf"/>, each page is then printed
/// to a PDF. A failing notebook does not stop the others. At the end, the files an earlier run wrote into the output folder
/// and this run did not are removed (<see cref="ManifestFileName"/>, <see cref="OutputFolderCleanup"/>), so that no file
/// of an older vintage stays beside the new <c>index.html</c>. With <see cref="NotebookPipelineOptions.Compare"/>, a
/// notebook that declares <see cref="NotebookParameters.PreviousDataFileName"/> gets the earlier vintage's rows of its
/// data as a CSV in <see cref="PreviousDataFolder"/>.
/// </summary>
public sealed class NotebookPipeline
{
    /// <summary>The index page's file name.</summary>
    public const string IndexFile = "index.html";

    /// <summary>The key figures' file name.</summary>
    public const string ResultsFileName = "results.json";

    /// <summary>
    /// The output folder's manifest: what the last run wrote there, with each file's size and SHA-256, so that the next
    /// run can remove what it no longer writes (and nothing else).
    /// </summary>
    public const string ManifestFileName = "workbook-outputs.json";

    /// <summary>The subfolder of the output folder that holds the previous vintage's data files (<c>run --compare</c>).</summary>
    public const string PreviousDataFolder = "previous";

    private readonly NotebookPipelineOptions _options;
    private readonly NotebookRunner _runner;

    /// <summary>Creates a pipeline.</summary>
    public NotebookPipeline(NotebookPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ChartImageTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), NotebookMessages.LimitNotPositive(nameof(options.ChartImageTimeout), options.ChartImageTimeout));
        }

        _options = options;
        _runner = new NotebookRunner(options.Runner);
    }

    /// <summary>Runs the plan and writes every output.</summary>
    /// <param name="plan">What to run; it must have no <see cref="NotebookRunPlan.Problems"/>.</param>
    /// <param name="progress">Receives a report at each step of each notebook (<see cref="NotebookProgress.NotebookNumber"/>
    /// says which), on the pipeline's flow; may be <c>null</c>. Write to a writer taken before the run (see <see cref="NotebookRunner"/>).</param>
    /// <param name="cancellationToken">Stops the current cell; the notebooks not run yet are reported as not run.</param>
    /// <exception cref="ArgumentException">The plan has problems.</exception>
    public async Task<NotebookPipelineResult> RunAsync(NotebookRunPlan plan, IProgress<NotebookProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, plan.Problems), nameof(plan));
        }

        var clock = Stopwatch.StartNew();
        var outputFolder = WorkbookPaths.Resolve(_options.OutputFolder);
        Directory.CreateDirectory(outputFolder);
        var git = GitState.Read(_options.RepositoryRoot ?? Directory.GetCurrentDirectory());

        // What earlier runs wrote into the folder; with --compare, the previous vintage's data for the notebooks that
        // ask for it; then the manifest of a run under way, so that a run stopped halfway leaves nothing untracked.
        var folder = OutputFolder.Open(outputFolder, plan.Notebooks.Select(n => n.Path).Concat(WorkbookNotebooks()), _options.RepositoryRoot);
        var choices = _options.Compare is { } earlier
            ? PreviousDataFiles.Apply(plan.Notebooks, earlier, outputFolder, DisplayPath)
            : plan.Notebooks.Select(n => new PreviousDataFileChoice(n, null, null)).ToList();
        var manifestProblem = folder.Begin(Intended(choices, outputFolder), DateTimeOffset.UtcNow);

        // The run's one browser, for the chart pictures and the PDFs: with pictures to make, it starts now and loads
        // plotly.js while the notebooks run (it waits on other cores), so that the pictures cost only their drawing.
        await using var browser = new ReportBrowser(_options.ChromiumPath, cancellationToken);
        if (_options.ChartImages)
        {
            ChartImages.Preload(browser);
        }

        // 1. Execute each notebook in memory; 2. once a notebook has run, its charts are drawn in the browser's tab
        // (one plotly.js parse for the run) while the next notebook runs.
        var runs = new List<InMemoryRun>();
        var pictures = new List<Task<ChartImageResult>>();
        try
        {
            for (var i = 0; i < choices.Count; i++)
            {
                var run = await ExecuteAsync(choices[i].Notebook, outputFolder, new Positioned(progress, i + 1, plan.Notebooks.Count), cancellationToken).ConfigureAwait(false);
                runs.Add(run);
                if (_options.ChartImages && run.Prepared is { } executed && !cancellationToken.IsCancellationRequested)
                {
                    pictures.Add(DrawAfterAsync(pictures.LastOrDefault(), executed.Notebook, browser, cancellationToken));
                }
            }
        }
        finally
        {
            _runner.ReleaseKernel();
        }

        // What the pictures add is the wait for them once the last notebook has run.
        var imageClock = Stopwatch.StartNew();
        var images = pictures.Count == 0 ? null : ChartImageResult.Combine(await Task.WhenAll(pictures).ConfigureAwait(false));
        imageClock.Stop();

        // 3. Write each notebook and its page, once; the notebooks are independent, so they are written side by side.
        var report = new NotebookHtmlReport();
        var outcomes = (await Task.WhenAll(runs.Select(r => Task.Run(() => Write(r, outputFolder, git, report), CancellationToken.None))).ConfigureAwait(false))
            .Select((o, i) => o with { PreviousDataFile = choices[i].Path, PreviousDataFileNote = choices[i].Note })
            .ToList();

        // 4. With PDFs: each page printed in the same browser, with its print stylesheet (charts as the pictures of step 2).
        ReportPdfResult? pdfs = null;
        var pdfClock = Stopwatch.StartNew();
        if (_options.Pdf && !cancellationToken.IsCancellationRequested)
        {
            var pages = outcomes.Where(o => o.ReportPath is not null).Select(o => o.ReportPath!).ToList();
            pdfs = await ReportPdfs.PrintInAsync(pages, browser, ReportPdfs.DefaultTimeout, cancellationToken).ConfigureAwait(false);
            var printed = pdfs.Written.ToHashSet(StringComparer.Ordinal);
            outcomes = outcomes.Select(o => o.ReportPath is { } page && printed.Contains(Path.ChangeExtension(page, ".pdf")) ? o with { PdfPath = Path.ChangeExtension(page, ".pdf") } : o).ToList();
        }

        pdfClock.Stop();

        // 5. results.json (with the comparison against an earlier vintage, when one was given) and index.html.
        var generated = DateTimeOffset.UtcNow;
        var results = new ResultsFile(generated, git, plan.Parameters, outcomes.Select(ResultsEntry).ToList())
        {
            DataFileRows = Snapshots(outcomes.SelectMany(o => o.Publications.DataFiles)),
        };
        if (_options.Compare is { } previous)
        {
            results = results with { Comparison = ResultsComparison.Compare(previous.File, results, _options.CompareTolerance, previous.Path) };
        }

        var resultsPath = Path.Combine(outputFolder, ResultsFileName);
        results.Write(resultsPath);
        var indexPath = Path.Combine(outputFolder, IndexFile);
        var entries = outcomes.Select(o => new ReportIndexEntry(
            Path.GetFileName(o.Run.NotebookPath),
            o.Heading,
            o.ReportPath is null ? null : Path.GetFileName(o.ReportPath),
            o.Run.OutputPath is null ? null : Path.GetFileName(o.Run.OutputPath),
            o.PdfPath is null ? null : Path.GetFileName(o.PdfPath),
            o.Run.Succeeded,
            o.Run.FailureText,
            o.Run.Elapsed)).ToList();
        var answers = outcomes.Where(o => o.Publications.Answer is not null).Select(o => (o.Heading, o.Publications.Answer!)).ToList();
        File.WriteAllText(indexPath, ReportIndexPage.Render(
            NotebookMessages.IndexTitle, entries, answers, results.Comparison, plan.NothingToRun ?? NotebookMessages.NoNotebooks("the notebooks folder"), generated, git, ResultsFileName), Utf8);

        // 6. What an earlier run wrote here and this one did not goes (it would show an older vintage than index.html).
        var written = outcomes.SelectMany(o => new[] { o.Run.OutputPath, o.ReportPath, o.PdfPath, o.PreviousDataFile }).Append(resultsPath).Append(indexPath).OfType<string>();
        var cleanup = folder.Finish(written, Read(choices, runs), DateTimeOffset.UtcNow);
        if (manifestProblem is not null)
        {
            cleanup = cleanup with { Notes = [manifestProblem, .. cleanup.Notes] };
        }

        return new NotebookPipelineResult(outcomes, images, imageClock.Elapsed, results, resultsPath, indexPath, clock.Elapsed, pdfs, pdfClock.Elapsed) { Cleanup = cleanup };
    }

    // The files this run will write: each notebook's executed copy, page and (with --pdf) PDF, the previous vintage's
    // data, results.json and index.html.
    private IEnumerable<string> Intended(IReadOnlyList<PreviousDataFileChoice> choices, string outputFolder) =>
        choices.SelectMany(c => new[] { ".ipynb", ".html" }.Concat(_options.Pdf ? [".pdf"] : [])
                .Select(extension => Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(c.Notebook.Path) + extension)))
            .Concat(choices.Select(c => c.Path).OfType<string>())
            .Append(Path.Combine(outputFolder, ResultsFileName))
            .Append(Path.Combine(outputFolder, IndexFile));

    // The files the run read, which stay whoever wrote them: every *File parameter's file (given or default, by the
    // workbook's rule), every data file the notebooks published as read, and the earlier results.json.
    private IEnumerable<string> Read(IReadOnlyList<PreviousDataFileChoice> choices, IReadOnlyList<InMemoryRun> runs)
    {
        var files = new List<string>();
        foreach (var notebook in choices.Select(c => c.Notebook).Where(n => n.Source is not null))
        {
            foreach (var value in notebook.Parameters.Where(p => p.Type == NotebookParameterType.String && NotebookParameters.IsPathName(p.Name)))
            {
                var path = value.Injected ? value.Value as string : notebook.Source!.Parameters?.LastOrDefault(d => d.Name == value.Name)?.DefaultString;
                if (!string.IsNullOrEmpty(path))
                {
                    files.Add(WorkbookPaths.ResolveFrom(path, notebook.Path));
                }
            }
        }

        files.AddRange(runs.SelectMany(r => r.Publications.DataFiles).Select(f => Path.IsPathRooted(f.Path) || _options.RepositoryRoot is null ? Path.GetFullPath(f.Path) : Path.GetFullPath(f.Path, _options.RepositoryRoot)));
        if (_options.Compare is { } previous)
        {
            files.Add(Path.GetFullPath(previous.Path));
        }

        return files;
    }

    // The workbook's own notebooks (its notebooks folder), whose names are its outputs' names in a folder without a manifest.
    private IReadOnlyList<string> WorkbookNotebooks()
    {
        if (_options.RepositoryRoot is null)
        {
            return [];
        }

        try
        {
            return NotebookRunPlan.FindNotebooks(WorkbookPaths.NotebooksFolder);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // The browser's tab draws one notebook's charts at a time, in the order the notebooks ran.
    private async Task<ChartImageResult> DrawAfterAsync(Task<ChartImageResult>? before, JsonObject notebook, ReportBrowser browser, CancellationToken cancellationToken)
    {
        if (before is not null)
        {
            await before.ConfigureAwait(false);
        }

        return await ChartImages.AddAsync([notebook], browser, _options.ChartImageTimeout, cancellationToken).ConfigureAwait(false);
    }

    private async Task<InMemoryRun> ExecuteAsync(PlannedNotebook planned, string outputFolder, Positioned progress, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        progress.Report(new NotebookProgress(planned.Path, 0, 0, null, 0, NotebookProgressStage.NotebookStarting, TimeSpan.Zero, null));
        PreparedNotebook? prepared = null;
        NotebookRunResult result;
        if (planned.Source is null)
        {
            result = NotebookRunner.NotRun(planned.Path, planned.LoadError!, clock);
        }
        else if (NotebookRunner.SamePath(planned.Path, ExecutedPath(outputFolder, planned.Path)))
        {
            result = NotebookRunner.NotRun(planned.Path, NotebookMessages.OutputIsInput(planned.Path), clock, planned.Parameters);
        }
        else
        {
            prepared = PreparedNotebook.Prepare(planned.Source, planned.Parameters);
            result = await _runner.ExecuteAsync(prepared, progress, clock, cancellationToken).ConfigureAwait(false);
        }

        var publications = prepared is null ? NotebookPublications.Empty : NotebookPublications.Collect(prepared.Notebook);

        // A data file's path as the notebook gave it is read by the workbook's rule (a relative one: against the root
        // above the notebook); the run writes it relative to the repository root, like the notebook's own path.
        publications = publications with { DataFiles = publications.DataFiles.Select(f => f with { Path = DisplayPath(WorkbookPaths.ResolveFrom(f.Path, planned.Path)) }).Distinct().ToList() };
        var heading = planned.Source is null ? new NotebookHeading(Path.GetFileNameWithoutExtension(planned.Path), null) : NotebookHeading.Read(planned.Source.Json, planned.Path);
        progress.Report(new NotebookProgress(planned.Path, 0, prepared?.CellCount ?? 0, null, prepared?.CodeCellCount ?? 0, NotebookProgressStage.NotebookFinished, clock.Elapsed, null)
        {
            Failure = result.FailureText,
        });
        return new InMemoryRun(prepared, result, heading, publications, started);
    }

    private static NotebookOutcome Write(InMemoryRun run, string outputFolder, GitState git, NotebookHtmlReport report)
    {
        if (run.Prepared is not { } prepared)
        {
            return new NotebookOutcome(run.Result, run.Heading, run.Publications, null, []);
        }

        var result = NotebookRunner.Write(prepared, ExecutedPath(outputFolder, run.Result.NotebookPath), run.Result);
        if (result.OutputPath is null)
        {
            return new NotebookOutcome(result, run.Heading, run.Publications, null, []);
        }

        var stem = Path.GetFileNameWithoutExtension(result.NotebookPath);
        var provenance = new ReportProvenance(run.Started, result.Elapsed, git, result.Parameters, result.FailureText);
        var page = report.Render(prepared.Notebook, run.Heading.Title, provenance, IndexFile, run.Publications);
        var htmlPath = Path.Combine(outputFolder, stem + ".html");
        File.WriteAllText(htmlPath, page.Html, Utf8);
        return new NotebookOutcome(result, run.Heading, run.Publications, htmlPath, page.Warnings);
    }

    private ResultsFileNotebook ResultsEntry(NotebookOutcome outcome) => new(
        DisplayPath(outcome.Run.NotebookPath),
        outcome.Heading.Title,
        outcome.Heading.Question,
        outcome.Run.Succeeded ? NotebookRunStatus.Succeeded : NotebookRunStatus.Failed,
        Math.Round(outcome.Run.Elapsed.TotalSeconds, 3),
        outcome.Run.FailureText,
        outcome.Publications.DataFiles,
        outcome.Publications.Results,
        outcome.Publications.Answer);

    // Each data file read, once per content, if it still holds what the notebooks read (its hash unchanged).
    private List<DataFileSnapshot> Snapshots(IEnumerable<DataFileInfo> files)
    {
        var snapshots = new List<DataFileSnapshot>();
        foreach (var file in files.DistinctBy(f => f.Sha256))
        {
            var path = Path.IsPathRooted(file.Path) || _options.RepositoryRoot is null ? file.Path : Path.Combine(_options.RepositoryRoot, file.Path);
            try
            {
                if (DataFileSnapshot.TryRead(path) is { } snapshot && snapshot.Sha256 == file.Sha256)
                {
                    snapshots.Add(snapshot);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                // The rows are for naming changes in the next comparison; without them it names the hash.
            }
        }

        return snapshots;
    }

    private static string ExecutedPath(string outputFolder, string notebookPath) =>
        Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(notebookPath) + ".ipynb");

    // Inside the repository: relative to its root (stable across machines); elsewhere: the full path.
    private string DisplayPath(string path)
    {
        if (_options.RepositoryRoot is { } root)
        {
            var relative = Path.GetRelativePath(root, path);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return relative.Replace('\\', '/');
            }
        }

        return path;
    }

    /// <summary>A notebook executed in memory, not written yet.</summary>
    private sealed record InMemoryRun(PreparedNotebook? Prepared, NotebookRunResult Result, NotebookHeading Heading, NotebookPublications Publications, DateTimeOffset Started);

    /// <summary>Adds the notebook's place in the run to each report.</summary>
    private sealed class Positioned(IProgress<NotebookProgress>? inner, int number, int count) : IProgress<NotebookProgress>
    {
        public void Report(NotebookProgress value) => inner?.Report(value with { NotebookNumber = number, NotebookCount = count });
    }
}
