using System.CommandLine;
using ZoneGrowth.Notebooks;
using ZoneGrowth.Notebooks.Reports;

namespace ZoneGrowth.Cli;

/// <summary>
/// The <c>run</c> verb, a thin shell over <see cref="NotebookPipeline"/>: options in, a <see cref="NotebookRunPlan"/>
/// (notebooks read once, <c>--param</c> values typed once), the pipeline (executed notebooks, HTML pages,
/// <c>index.html</c>, <c>results.json</c>), then the summary on stdout and, with <c>--compare</c>, what moved.
/// Progress goes to stderr.
/// </summary>
internal static class RunCommand
{
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
            Description = "NAME=VALUE for a variable of the cell tagged 'parameters', applied to every selected notebook that declares it. Repeatable. A relative path given to a parameter named *File, *Folder, *Path or *Directory (dataFile) is relative to the current directory; defaults written in a notebook are relative to the workbook's root folder (the one holding ZoneGrowth.slnx).",
            HelpName = "NAME=VALUE",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var outputFolder = new Option<string?>("--output") { Description = "Output folder. Default: the workbook's out/.", HelpName = "DIR" };
        var cellTimeout = Seconds("--cell-timeout", "Longest a cell may run, in seconds; kernel start and package restore are not counted (see --warm-up-timeout). Default: 300.");
        var warmUpTimeout = Seconds("--warm-up-timeout", "Longest each notebook's warm-up may take, in seconds: kernel start and restore of its #r \"nuget:\" packages, before its first cell. Default: 600.");
        var compare = new Option<string?>("--compare") { Description = "An earlier results.json: print key figures that moved, were added or removed, and data files whose hash changed. It is read before the run, so the output folder's own results.json works. A notebook that declares the string parameter previousDataFile (and is not given one with --param) gets the earlier run's rows of its first data file, as a CSV in the output folder's previous/.", HelpName = "RESULTS.json" };
        var tolerance = new Option<double?>("--tolerance") { Description = "Relative tolerance for --compare. Default: 1e-6.", HelpName = "X" };
        tolerance.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } t && !(t >= 0 && double.IsFinite(t)))
            {
                result.AddError(RunMessages.ToleranceInvalid);
            }
        });
        var failOnDrift = new Option<bool>("--fail-on-drift") { Description = $"With --compare: exit with code {WorkbookCommand.Drift} when anything changed." };
        var noChartImages = new Option<bool>("--no-chart-images") { Description = "Do not add a PNG picture of each Plotly chart to the executed notebooks (made in the run's one headless Chromium)." };
        var chromium = new Option<string?>("--chromium") { Description = "Chromium executable for the chart images and PDFs. Default: /usr/bin/chromium, else chromium on PATH; without one they are skipped with a note.", HelpName = "PATH" };
        var pdf = new Option<bool>("--pdf") { Description = "Also print each notebook's page to a PDF beside it (A4, numbered pages, charts as pictures, the provenance on the last page; printed by the run's one headless Chromium)." };

        var command = new Command("run", "Run the notebooks headless; write executed notebooks, HTML reports, index.html and results.json.")
        {
            notebooks, parameters, outputFolder, cellTimeout, warmUpTimeout, compare, tolerance, failOnDrift, noChartImages, chromium, pdf,
        };
        command.SetAction(result => Run(
            result.GetValue(notebooks) ?? [],
            result.GetValue(parameters) ?? [],
            result.GetValue(outputFolder),
            new NotebookRunnerOptions
            {
                CellTimeout = result.GetValue(cellTimeout) is { } cell ? TimeSpan.FromSeconds(cell) : NotebookRunnerOptions.DefaultCellTimeout,
                WarmUpTimeout = result.GetValue(warmUpTimeout) is { } warmUp ? TimeSpan.FromSeconds(warmUp) : NotebookRunnerOptions.DefaultWarmUpTimeout,
            },
            !result.GetValue(noChartImages),
            result.GetValue(chromium),
            result.GetValue(pdf),
            result.GetValue(compare),
            result.GetValue(tolerance) ?? ResultsComparison.DefaultTolerance,
            result.GetValue(failOnDrift),
            output,
            error));
        return command;
    }

    private static int Run(string[] notebookArgs, string[] parameterArgs, string? outputArg, NotebookRunnerOptions runner, bool chartImages, string? chromium, bool pdf,
        string? compareArg, double tolerance, bool failOnDrift, TextWriter output, TextWriter error)
    {
        // 1. The plan: every notebook read once, every --param typed once; a mistake stops here, before anything runs.
        NotebookRunPlan plan;
        string outputFolder;
        try
        {
            plan = NotebookRunPlan.Create(notebookArgs, notebookArgs.Length > 0 ? null : WorkbookPaths.NotebooksFolder, parameterArgs, Environment.CurrentDirectory);
            outputFolder = Path.GetFullPath(outputArg ?? WorkbookPaths.OutputFolder);
        }
        catch (DirectoryNotFoundException e)
        {
            error.WriteLine(e.Message);
            return WorkbookCommand.Usage;
        }

        if (plan.Problems.Count > 0)
        {
            plan.Problems.ToList().ForEach(error.WriteLine);
            return WorkbookCommand.Usage;
        }

        // 2. The earlier vintage is read before the run may overwrite it.
        PreviousResults? previous = null;
        if (compareArg is not null)
        {
            try
            {
                previous = new PreviousResults(compareArg, ResultsFile.Load(compareArg));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                error.WriteLine(RunMessages.CompareUnreadable(compareArg, e.Message));
                return WorkbookCommand.Usage;
            }
        }

        try
        {
            Directory.CreateDirectory(outputFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(e.Message);
            return WorkbookCommand.Usage;
        }

        // 3. The pipeline: run, chart images, write.
        if (plan.NothingToRun is { } nothing)
        {
            output.WriteLine(nothing);
        }

        var options = new NotebookPipelineOptions(outputFolder) { Runner = runner, ChartImages = chartImages, ChromiumPath = chromium, RepositoryRoot = RepositoryRoot(), Pdf = pdf, Compare = previous, CompareTolerance = tolerance };
        var run = new NotebookPipeline(options).RunAsync(plan, new TerminalProgress(error)).GetAwaiter().GetResult();

        // 4. What happened: notes on stderr, the summary on stdout.
        foreach (var outcome in run.Notebooks)
        {
            var name = Path.GetFileName(outcome.Run.NotebookPath);
            if (outcome.PreviousDataFileNote is { } previousData)
            {
                error.WriteLine(previousData);
            }

            outcome.Publications.Problems.ToList().ForEach(p => error.WriteLine(RunMessages.PublicationProblem(name, p)));
            outcome.ReportWarnings.ToList().ForEach(w => error.WriteLine(RunMessages.ReportWarning(name, w)));
        }

        if (run.ChartImages is { } images)
        {
            if (images.Note is { } note)
            {
                error.WriteLine(note); // once per run, however many notebooks have charts
            }

            if (images.Images > 0)
            {
                error.WriteLine(RunMessages.ChartImagesAdded(images.Images, images.Charts, run.ChartImagesElapsed));
            }
        }

        if (run.Pdfs is { } pdfs)
        {
            if (pdfs.Note is { } note)
            {
                error.WriteLine(note);
            }

            if (pdfs.Written.Count > 0)
            {
                error.WriteLine(RunMessages.PdfsWritten(pdfs.Written.Count, run.PdfsElapsed));
            }
        }

        // What an earlier run wrote into the output folder and this one did not: removed, one line each.
        run.Cleanup.Notes.ToList().ForEach(error.WriteLine);

        // The answers first, as index.html opens with them; then each notebook with its key figures.
        foreach (var outcome in run.Notebooks.Where(o => o.Publications.Answer is not null))
        {
            output.WriteLine(RunMessages.Answer(Path.GetFileName(outcome.Run.NotebookPath), outcome.Publications.Answer!));
        }

        foreach (var outcome in run.Notebooks)
        {
            output.WriteLine(RunMessages.SummaryLine(outcome.Run, outcome.Publications.Results.Count));
            outcome.Publications.Results.ToList().ForEach(r => output.WriteLine(RunMessages.KeyFigure(r)));
        }

        if (run.Notebooks.Count > 0)
        {
            output.WriteLine(RunMessages.Summary(run.Notebooks.Count, run.Failed, run.Elapsed));
        }

        output.WriteLine(RunMessages.Wrote(run.IndexPath, run.ResultsPath));
        if (run.Notebooks.Where(o => o.PdfPath is not null).Select(o => o.PdfPath!).ToList() is { Count: > 0 } written)
        {
            output.WriteLine(RunMessages.Pdfs(written));
        }

        var code = run.Failed > 0 ? WorkbookCommand.RunFailed : WorkbookCommand.Success;

        // 5. With --compare: what moved since the earlier vintage (also in results.json and index.html).
        if (run.Results.Comparison is { } comparison)
        {
            output.WriteLine();
            output.WriteLine(RunMessages.CompareHeader(compareArg!));
            output.WriteLine(comparison.ToReaderText());
            if (comparison.HasDrift && failOnDrift)
            {
                error.WriteLine(RunMessages.DriftFailure);
                return code == WorkbookCommand.Success ? WorkbookCommand.Drift : code;
            }
        }

        return code;
    }

    private static Option<double?> Seconds(string name, string description)
    {
        var option = new Option<double?>(name) { Description = description, HelpName = "SECONDS" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } s && !(s > 0 && double.IsFinite(s)))
            {
                result.AddError(RunMessages.SecondsInvalid(name));
            }
        });
        return option;
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

    /// <summary>
    /// Writes progress synchronously to a writer taken before the run (the kernel swaps Console.Error while a
    /// cell runs); <see cref="Progress{T}"/> would post to the thread pool and reorder lines.
    /// </summary>
    private sealed class TerminalProgress(TextWriter error) : IProgress<NotebookProgress>
    {
        public void Report(NotebookProgress value)
        {
            if (RunMessages.Progress(value) is { } line)
            {
                error.WriteLine(line);
                error.Flush();
            }
        }
    }
}
