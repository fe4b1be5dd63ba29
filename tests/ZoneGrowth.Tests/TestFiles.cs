using System.Text;

namespace ZoneGrowth.Tests;

/// <summary>Paths of fixture files, and temporary files written by tests.</summary>
internal static class TestFiles
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", name);

    public static string Catalog => Fixture("catalog.csv");

    /// <summary>Writes bytes to a fresh temporary file with the given extension; the caller's test owns it.</summary>
    public static string Temporary(byte[] content, string extension = ".csv")
    {
        var folder = Path.Combine(Path.GetTempPath(), "zonegrowth-tests");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string Temporary(string text, string extension = ".csv") => Temporary(Encoding.UTF8.GetBytes(text), extension);
}
