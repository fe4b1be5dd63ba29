using System.Text.Json;

namespace ZoneGrowth.Tests.Regression;

/// <summary>Reads Reference/statsmodels_reference.json, written by Reference/statsmodels_reference.py (statsmodels 0.13.5).</summary>
internal static class StatsmodelsReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(NistDataset.ReferencePath("statsmodels_reference.json"))));

    public static JsonElement Dataset(string name) => Document.Value.RootElement.GetProperty(name);

    public static double[] Numbers(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static double Number(this JsonElement element, string property) => element.GetProperty(property).GetDouble();

    public static double[][] Matrix(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

    /// <summary>Asserts |actual − expected| ≤ relative·max(|expected|, floor).</summary>
    public static void Close(double expected, double actual, double relative, string what, double floor = 0)
    {
        double allowed = relative * Math.Max(Math.Abs(expected), floor);
        Assert.True(Math.Abs(actual - expected) <= allowed, $"{what}: expected {expected:R}, got {actual:R} (allowed difference {allowed:R})");
    }

    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative, string what, double floor = 0)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Close(expected[i], actual[i], relative, $"{what}[{i}]", floor);
        }
    }
}
