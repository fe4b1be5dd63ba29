namespace ZoneGrowth.Tests;

/// <summary>The one rule for a relative path: against the workbook's root above where the code runs.</summary>
public sealed class WorkbookPathsTests : IDisposable
{
    private readonly string _checkout = Directory.CreateTempSubdirectory("zonegrowth-paths-").FullName;

    public WorkbookPathsTests() => File.WriteAllText(Path.Combine(_checkout, WorkbookPaths.RootMarker), "<Solution />");

    public void Dispose() => Directory.Delete(_checkout, recursive: true);

    [Fact]
    public void A_relative_path_is_read_against_the_root_above_the_start_whether_a_folder_or_a_file_in_it()
    {
        var notebooks = Directory.CreateDirectory(Path.Combine(_checkout, "notebooks")).FullName;
        var expected = Path.Combine(_checkout, "data", "x.csv");

        Assert.Equal(expected, WorkbookPaths.ResolveFrom("data/x.csv", notebooks));
        Assert.Equal(expected, WorkbookPaths.ResolveFrom("data/x.csv", Path.Combine(notebooks, "03-target.ipynb")));
        Assert.Equal(expected, WorkbookPaths.ResolveFrom("data/x.csv", _checkout));
        Assert.Equal($"relative to the workbook's root folder, {_checkout}", WorkbookPaths.RuleFor("data/x.csv", notebooks));
    }

    [Fact]
    public void An_absolute_path_is_used_as_is()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "elsewhere", "x.csv");

        Assert.Equal(absolute, WorkbookPaths.ResolveFrom(absolute, _checkout));
        Assert.Equal("an absolute path", WorkbookPaths.RuleFor(absolute, _checkout));
    }

    [Fact]
    public void Outside_any_checkout_the_root_of_the_library_s_own_checkout_is_used()
    {
        // The tests run from a build inside this repository, so that is the library's checkout.
        var outside = Directory.CreateTempSubdirectory("zonegrowth-outside-").FullName;
        try
        {
            Assert.Null(WorkbookPaths.RootAbove(outside));
            var libraryRoot = WorkbookPaths.RootAbove(AppContext.BaseDirectory)!;
            Assert.Equal(Path.Combine(libraryRoot, "data", "x.csv"), WorkbookPaths.ResolveFrom("data/x.csv", outside));
        }
        finally
        {
            Directory.Delete(outside);
        }
    }

    [Fact]
    public void The_shipped_zone_catalog_has_the_name_the_data_layer_reads_beside_a_catalog()
    {
        // WorkbookPaths sits below Data and writes the name itself; the two must not drift apart.
        Assert.Equal(ZoneGrowth.Data.ZoneCatalog.FileName, Path.GetFileName(WorkbookPaths.Zones));
        Assert.Equal(Path.GetDirectoryName(WorkbookPaths.Catalog), Path.GetDirectoryName(WorkbookPaths.Zones));
    }

    [Fact]
    public void The_data_layer_and_the_runner_check_agree_on_a_missing_file()
    {
        Directory.CreateDirectory(Path.Combine(_checkout, "data"));
        File.WriteAllText(Path.Combine(_checkout, "data", "book.xlsx"), "");

        Assert.Null(ZoneGrowth.Data.DataSet.MissingFile("data/book.xlsx#Figures", _checkout)); // a worksheet of an existing workbook
        Assert.Contains($"it is {Path.Combine(_checkout, "data", "none.csv")}, which does not exist", ZoneGrowth.Data.DataSet.MissingFile("data/none.csv", _checkout));
    }
}
