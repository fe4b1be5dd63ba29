using static ZoneGrowth.Notebooks.Tests.Notebooks;

namespace ZoneGrowth.Notebooks.Tests;

public class PackageTests
{
    [Fact]
    public async Task Nuget_reference_works_without_installation_noise()
    {
        var result = await Run("nuget.ipynb");
        Assert.True(result.Succeeded, Describe(result));
        var notebook = Read(result);
        var cells = Cells(notebook);
        Assert.Empty(Outputs(cells[0]));
        Assert.Equal("{\"a\":1}\n", Text(Outputs(cells[1])[0]["text"]));
        // Microsoft.Data.Analysis' notebook extension formats a DataFrame as an HTML table.
        var table = Text(Assert.Single(Outputs(cells[2]))["data"]!["text/html"]);
        Assert.Contains("<table", table);
        Assert.Contains("<th>zone</th>", table);
        Assert.Contains("south", table);
        var all = AllOutputText(notebook);
        Assert.DoesNotContain("Installing", all);
        Assert.DoesNotContain("Installed Packages", all);
        Assert.DoesNotContain("Restore sources", all);
    }

    /// <summary>Slower: Plotly.NET.Interactive and its dependencies come from NuGet (cold: a download).</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Plotly_chart_displays_as_html_through_the_package_extension()
    {
        var result = await Run("plotly.ipynb");
        Assert.True(result.Succeeded, Describe(result));
        var cells = Cells(Read(result));
        Assert.Empty(Outputs(cells[0]));
        var display = Assert.Single(Outputs(cells[1]));
        Assert.Equal("display_data", (string?)display["output_type"]);
        var html = Text(display["data"]!["text/html"]);
        Assert.Contains("plotly", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Plotly.newPlot", html);
        Assert.DoesNotContain("Installing", AllOutputText(Read(result)));
    }
}
