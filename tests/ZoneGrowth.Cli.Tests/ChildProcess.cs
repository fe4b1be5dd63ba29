using System.Diagnostics;

namespace ZoneGrowth.Cli.Tests;

/// <summary>Other programs run by the tests (dotnet, git, dotnet-repl, nbconvert, chromium), each with a time limit.</summary>
internal static class ChildProcess
{
    /// <summary>Runs a program in <paramref name="folder"/>, with MSBuild nodes not kept for reuse (nothing outlives the test).</summary>
    public static (int Code, string Output) Run(string folder, TimeSpan limit, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{program} could not be started: {e.Message}");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{program} {string.Join(' ', arguments)} timed out after {limit}");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}
