using System.Runtime.Loader;

namespace ZoneGrowth.Display.Tests;

/// <summary>
/// The check <see cref="Workbook.Setup"/> makes before anything else: the library loaded was built
/// from the sources of the clone it sits in (lib/SourceManifest.targets embeds their SHA-256).
/// Hashes of the small clones below are the FIPS 180-2 test vectors: SHA-256("abc") and SHA-256("").
/// </summary>
public sealed class LibraryFreshnessTests : IDisposable
{
    private const string Abc = "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD";
    private const string Empty = "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("zonegrowth-freshness-");

    public void Dispose() => _root.Delete(recursive: true);

    /// <summary>A clone with lib/P/P.csproj (empty), lib/P/A.cs and lib/P/Sub/B.cs ("abc").</summary>
    private SourceManifest SmallClone()
    {
        Write("ZoneGrowth.slnx", "<Solution />");
        Write("lib/P/P.csproj", string.Empty);
        Write("lib/P/A.cs", "abc");
        Write("lib/P/Sub/B.cs", "abc");
        return SourceManifest.Parse($"{Empty}  lib/P/P.csproj\n{Abc}  lib/P/A.cs\n{Abc}  lib/P/Sub/B.cs\n");
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root.FullName, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    [Fact]
    public void TheWorkbookAssembliesListTheirProjectFileAndEveryCSharpFileOfTheirFolder()
    {
        var root = LibraryFreshness.FindRepositoryRoot(typeof(Workbook).Assembly.Location);
        Assert.NotNull(root);
        foreach (var (assembly, folder) in new[] { (typeof(WorkbookPaths).Assembly, "lib/ZoneGrowth"), (typeof(Workbook).Assembly, "lib/ZoneGrowth.Display") })
        {
            var manifest = SourceManifest.Of(assembly);
            Assert.NotNull(manifest);
            var project = Path.Combine(root!, folder);
            var sources = Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(project, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
                .Select(f => $"{folder}/{f}")
                .Append($"{folder}/{Path.GetFileName(folder)}.csproj");

            Assert.Equal(folder, manifest!.ProjectFolder);
            Assert.Equal(sources.Order(StringComparer.Ordinal), manifest.Files.Order(StringComparer.Ordinal));
            // These tests' own build is fresh: the check that Setup makes says nothing.
            Assert.Null(LibraryFreshness.Problem(assembly));
        }
    }

    [Fact]
    public void AnUnchangedCloneHasNoChange()
    {
        var manifest = SmallClone();

        Assert.Null(manifest.FirstChange(_root.FullName));
    }

    [Fact]
    public void AChangedFileIsNamed()
    {
        var manifest = SmallClone();
        Write("lib/P/Sub/B.cs", "abd");

        Assert.Equal(new SourceChange("lib/P/Sub/B.cs", SourceChangeKind.Changed, 0), manifest.FirstChange(_root.FullName));
    }

    [Fact]
    public void AnAddedFileIsNamed()
    {
        var manifest = SmallClone();
        Write("lib/P/Sub/New.cs", "abc");

        Assert.Equal(new SourceChange("lib/P/Sub/New.cs", SourceChangeKind.Added, 0), manifest.FirstChange(_root.FullName));
    }

    [Fact]
    public void ARemovedFileIsNamed()
    {
        var manifest = SmallClone();
        File.Delete(Path.Combine(_root.FullName, "lib/P/A.cs"));

        Assert.Equal(new SourceChange("lib/P/A.cs", SourceChangeKind.Removed, 0), manifest.FirstChange(_root.FullName));
    }

    [Fact]
    public void AChangedProjectFileIsNamed()
    {
        var manifest = SmallClone();
        Write("lib/P/P.csproj", "<Project />");

        Assert.Equal(new SourceChange("lib/P/P.csproj", SourceChangeKind.Changed, 0), manifest.FirstChange(_root.FullName));
    }

    [Fact]
    public void BuildOutputGeneratedCodeHiddenFoldersAndOtherProjectsAreNotSources()
    {
        var manifest = SmallClone();
        Write("lib/P/bin/Debug/X.cs", "x");
        Write("lib/P/obj/Debug/net10.0/P.AssemblyInfo.cs", "x");
        Write("lib/P/.vs/Y.cs", "x");
        Write("lib/P/Sub/notes.md", "x");
        Write("lib/Q/Z.cs", "x");

        Assert.Null(manifest.FirstChange(_root.FullName));
    }

    [Fact]
    public void TheFirstChangeInPathOrderIsNamedWithTheNumberOfOthers()
    {
        var manifest = SmallClone();
        Write("lib/P/Sub/B.cs", string.Empty);
        Write("lib/P/Sub/A2.cs", "abc");
        File.Delete(Path.Combine(_root.FullName, "lib/P/A.cs"));

        // Ordinal order: lib/P/A.cs (removed) < lib/P/Sub/A2.cs (added) < lib/P/Sub/B.cs (changed).
        Assert.Equal(new SourceChange("lib/P/A.cs", SourceChangeKind.Removed, 2), manifest.FirstChange(_root.FullName));
    }

    [Fact]
    public void EachKindOfChangeIsOneSentenceWithTheCommandThatFixesIt()
    {
        const string Library = "lib/ZoneGrowth.Display/bin/notebook/ZoneGrowth.dll";
        const string Fix = ": run `dotnet build ZoneGrowth.slnx` in /repo, then restart the kernel (or the run command) and run the notebook again.";

        Assert.Equal(
            $"The workbook library {Library} was built before lib/ZoneGrowth/Nowcast/X.cs changed{Fix}",
            LibraryMessages.Stale(Library, new SourceChange("lib/ZoneGrowth/Nowcast/X.cs", SourceChangeKind.Changed, 0), "/repo"));
        Assert.Equal(
            $"The workbook library {Library} was built before lib/ZoneGrowth/Y.cs was added (and 1 other source file){Fix}",
            LibraryMessages.Stale(Library, new SourceChange("lib/ZoneGrowth/Y.cs", SourceChangeKind.Added, 1), "/repo"));
        Assert.Equal(
            $"The workbook library {Library} was built with lib/ZoneGrowth/Z.cs, which has since been removed (and 3 other source files){Fix}",
            LibraryMessages.Stale(Library, new SourceChange("lib/ZoneGrowth/Z.cs", SourceChangeKind.Removed, 3), "/repo"));
    }

    [Fact]
    public void AMalformedManifestLineIsQuotedInTheError()
    {
        var e = Assert.Throws<FormatException>(() => SourceManifest.Parse($"{Empty}  lib/P/P.csproj\n{Abc} lib/P/A.cs\n"));

        Assert.Contains($"\"{Abc} lib/P/A.cs\"", e.Message);
        Assert.Contains("Rebuild the library", e.Message);
    }

    [Fact]
    public void OutsideACloneNothingIsChecked()
    {
        Write("lib/ZoneGrowth.Display.dll", "not read");

        Assert.Null(LibraryFreshness.FindRepositoryRoot(Path.Combine(_root.FullName, "lib/ZoneGrowth.Display.dll")));
        Assert.Null(LibraryFreshness.FindRepositoryRoot(string.Empty));
        Assert.Null(LibraryFreshness.FindRepositoryRoot(null));

        // The real library, copied out of the clone and loaded from there: no repository, nothing said.
        var copy = Path.Combine(_root.FullName, "elsewhere", "ZoneGrowth.Display.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(typeof(Workbook).Assembly.Location, copy);
        var context = new AssemblyLoadContext("outside-a-clone", isCollectible: true);
        try
        {
            Assert.Null(LibraryFreshness.Problem(context.LoadFromAssemblyPath(copy)));
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void ALibraryInACloneWhoseSourceChangedIsToldWhichFileAndWhatToRun()
    {
        // A clone holding the display layer's sources as built, and the built library in the folder
        // the notebooks load it from.
        var built = LibraryFreshness.FindRepositoryRoot(typeof(Workbook).Assembly.Location)!;
        var manifest = SourceManifest.Of(typeof(Workbook).Assembly)!;
        Write("ZoneGrowth.slnx", "<Solution />");
        foreach (var file in manifest.Files)
        {
            Write(file, File.ReadAllText(Path.Combine(built, file)));
        }

        var library = Path.Combine(_root.FullName, "lib/ZoneGrowth.Display/bin/notebook/ZoneGrowth.Display.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(library)!);
        File.Copy(typeof(Workbook).Assembly.Location, library);
        var context = new AssemblyLoadContext("stale-clone", isCollectible: true);
        try
        {
            var loaded = context.LoadFromAssemblyPath(library);
            Assert.Null(LibraryFreshness.Problem(loaded));

            File.AppendAllText(Path.Combine(_root.FullName, "lib/ZoneGrowth.Display/Results.cs"), "// edited after the build\n");

            Assert.Equal(
                $"The workbook library lib/ZoneGrowth.Display/bin/notebook/ZoneGrowth.Display.dll was built before lib/ZoneGrowth.Display/Results.cs changed: run `dotnet build ZoneGrowth.slnx` in {_root.FullName}, then restart the kernel (or the run command) and run the notebook again.",
                LibraryFreshness.Problem(loaded));
        }
        finally
        {
            context.Unload();
        }
    }
}
