using System.Diagnostics;
using static ZoneGrowth.Notebooks.Tests.Notebooks;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>Executed notebooks validate against the nbformat JSON schema (Debian's python3-nbformat).</summary>
public class SchemaTests
{
    private const string Python = "/usr/bin/python3";

    [Theory]
    [InlineData("success.ipynb")]
    [InlineData("compile-error.ipynb")]
    [InlineData("runtime-error.ipynb")]
    [InlineData("nuget.ipynb")]
    [InlineData("plotly.ipynb")]
    public async Task Executed_notebook_is_valid_nbformat(string fixture)
    {
        SkipUnlessNbformat();
        var result = await Run(fixture);
        Validate(result.OutputPath!);
    }

    [Fact]
    public async Task Notebook_with_injected_parameters_is_valid_nbformat()
    {
        SkipUnlessNbformat();
        var result = await Run("parameters.ipynb", new Dictionary<string, string> { ["seed"] = "7", ["label"] = "x\ny" }, key: "schema");
        Assert.True(result.Succeeded, Describe(result));
        Validate(result.OutputPath!);
    }

    internal static void SkipUnlessNbformat()
    {
        var (code, _) = RunPython("import nbformat");
        if (code != 0)
        {
            Assert.Skip("python3-nbformat not installed: apt-get install python3-nbformat");
        }
    }

    internal static void Validate(string path)
    {
        var (code, output) = RunPython(
            "import nbformat,sys; nb=nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); assert nb.nbformat_minor == 5, nb.nbformat_minor",
            path);
        Assert.True(code == 0, $"{path} is not valid nbformat 4.5:\n{output}");
    }

    private static (int ExitCode, string Output) RunPython(string script, params string[] args)
    {
        if (!File.Exists(Python))
        {
            return (-1, "no " + Python);
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
