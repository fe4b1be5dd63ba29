using System.CommandLine;
using ZoneGrowth.Audit;
using ZoneGrowth.Data;
using ZoneGrowth.Targets;

namespace ZoneGrowth.Cli;

/// <summary>
/// The workbook's command line. Verbs: <c>check</c> validates data files (the first thing to run
/// on a new data file); <c>run</c> runs the notebooks headless and writes executed notebooks, HTML
/// reports, <c>index.html</c> and <c>results.json</c>. Exit codes: 0 success, 1 the data has
/// problems (<c>check</c>) or a notebook failed (<c>run</c>), 2 the command was misused (unknown
/// option or parameter, missing file), 3 key figures drifted (<c>run --compare --fail-on-drift</c>).
/// </summary>
public static class WorkbookCommand
{
    /// <summary>Exit code when every file is valid.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the data has problems.</summary>
    public const int DataProblems = 1;

    /// <summary>Exit code of <c>run</c> when any notebook failed (a cell error, a timeout, a setup error).</summary>
    public const int RunFailed = 1;

    /// <summary>Exit code when the command was misused.</summary>
    public const int Usage = 2;

    /// <summary>Exit code of <c>run --compare --fail-on-drift</c> when a key figure or data file changed and every notebook ran.</summary>
    public const int Drift = 3;

    /// <summary>Parses and runs a command line, writing to the given streams.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = Create(output, error).Parse(args);
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }) switch
        {
            1 when parsed.Errors.Count > 0 => Usage,
            var code => code,
        };
    }

    /// <summary>The command tree (<c>check</c>, <c>run</c>), writing to the given streams when invoked.</summary>
    internal static RootCommand Create(TextWriter output, TextWriter error) =>
        new("The Hangzhou High-tech Zone digital economy workbook: check data, fit growth, test the 2025 target.")
        {
            CheckCommand(output, error),
            RunCommand.Create(output, error),
        };

    private static Command CheckCommand(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Data files (.csv or .xlsx) in the layout of data/README.md. Default: the shipped data/hhz-indicators.csv.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        PathArguments.RejectOptionLikeTokens(files, DataReportText.UnknownOption);
        var catalog = new Option<string?>("--catalog")
        {
            Description = "The indicator catalog. Default: the workbook's data/indicators.csv.",
        };
        var command = new Command("check", "Validate data files; print a summary and the consistency audit, or every problem found.")
        {
            files,
            catalog,
        };
        command.SetAction(result => Check(result.GetValue(files) ?? [], result.GetValue(catalog), output, error));
        return command;
    }

    private static int Check(string[] files, string? catalog, TextWriter output, TextWriter error)
    {
        try
        {
            var paths = files.Length > 0 ? files : [WorkbookPaths.DefaultDataFile];
            var result = DataSet.Check(paths, catalog);
            foreach (var file in result.Files)
            {
                output.WriteLine(FormattableString.Invariant($"{file.Path}: {file.Rows} rows, sha256 {file.Sha256}"));
            }

            if (result.DataSet is not { } data)
            {
                error.WriteLine(DataReportText.Problems(result.Issues));
                return DataProblems;
            }

            // Figures that each pass but together leave the target's outlook no room (a bound beyond what the rest allows).
            if (TargetOutlook.Contradictions(data) is { Count: > 0 } contradictions)
            {
                error.WriteLine(DataReportText.Problems(contradictions));
                return DataProblems;
            }

            output.WriteLine();
            output.WriteLine(DataSummary.Of(data));
            output.WriteLine();
            output.WriteLine(ConsistencyAudit.Run(data));
            return Success;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine(e.Message);
            return Usage;
        }
    }
}
