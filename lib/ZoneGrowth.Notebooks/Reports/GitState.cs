using System.ComponentModel;
using System.Diagnostics;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>The version of the code a report was made from.</summary>
/// <param name="IsCheckout"><c>false</c> when the folder is not in a git checkout (or git is not installed).</param>
/// <param name="Commit">The commit checked out (<c>git rev-parse HEAD</c>), or <c>null</c>.</param>
/// <param name="Dirty"><c>true</c> when <c>git status --porcelain</c> lists any change (untracked files included).</param>
public sealed record GitState(bool IsCheckout, string? Commit, bool Dirty)
{
    /// <summary>The state for a folder outside any git checkout.</summary>
    public static GitState NotACheckout { get; } = new(false, null, false);

    /// <summary>Asks git about the checkout holding <paramref name="directory"/>.</summary>
    public static GitState Read(string directory)
    {
        var head = Git(directory, "rev-parse", "HEAD");
        if (head is not { ExitCode: 0 } || string.IsNullOrWhiteSpace(head.Value.Output))
        {
            return NotACheckout;
        }

        var status = Git(directory, "status", "--porcelain");
        return new GitState(true, head.Value.Output.Trim(), status is not { ExitCode: 0 } || status.Value.Output.Trim().Length > 0);
    }

    /// <summary>One line for people: the commit and whether the tree had changes, or "not a git checkout".</summary>
    public override string ToString() =>
        !IsCheckout ? "not a git checkout" : $"{Commit}{(Dirty ? " (working tree had uncommitted changes)" : " (clean working tree)")}";

    private static (int ExitCode, string Output)? Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return (process.ExitCode, output.GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return null; // git not installed, or the folder does not exist
        }
    }
}
