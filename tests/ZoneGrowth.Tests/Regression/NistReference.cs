using System.Globalization;
using System.Text.Json;

namespace ZoneGrowth.Tests.Regression;

/// <summary>Loads NIST StRD datasets and their certified values from the Reference folder.</summary>
internal sealed record NistDataset(string Name, double[] Y, double[][] Columns, string[] ColumnNames, double[] Beta, double[] StandardErrors, double? ResidualSd, double? RSquared)
{
    public static string ReferencePath(string file) => Path.Combine(AppContext.BaseDirectory, "Regression", "Reference", file);

    public static NistDataset FromJson(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ReferencePath("nist-strd-linear.json")));
        var set = document.RootElement.GetProperty(name);
        double[] Numbers(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var y = Numbers(set.GetProperty("y"));
        double[][] columns;
        string[] names;
        if (set.GetProperty("model").GetString() == "polynomial")
        {
            var x = Numbers(set.GetProperty("x"));
            int degree = set.GetProperty("degree").GetInt32();
            columns = Enumerable.Range(1, degree).Select(d => x.Select(v => Math.Pow(v, d)).ToArray()).ToArray();
            names = Enumerable.Range(1, degree).Select(d => d == 1 ? "x" : "x^" + d.ToString(CultureInfo.InvariantCulture)).ToArray();
        }
        else
        {
            var rows = set.GetProperty("X").EnumerateArray().Select(Numbers).ToArray();
            names = set.GetProperty("columns").EnumerateArray().Select(v => v.GetString()!).ToArray();
            columns = Enumerable.Range(0, names.Length).Select(j => rows.Select(r => r[j]).ToArray()).ToArray();
        }

        double? Optional(string property) => set.TryGetProperty(property, out var v) ? v.GetDouble() : null;
        return new NistDataset(name, y, columns, names, Numbers(set.GetProperty("beta")), Numbers(set.GetProperty("se")), Optional("residual_sd"), Optional("r_squared"));
    }

    public static NistDataset Filip()
    {
        var beta = new List<double>();
        var se = new List<double>();
        var y = new List<double>();
        var x = new List<double>();
        double? residualSd = null;
        double? rSquared = null;
        foreach (var line in File.ReadAllLines(ReferencePath("Filip.dat")))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var parts = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
            switch (parts[0])
            {
                case "certified":
                    beta.Add(Parse(parts[2]));
                    se.Add(Parse(parts[3]));
                    break;
                case "residual_sd":
                    residualSd = Parse(parts[1]);
                    break;
                case "r_squared":
                    rSquared = Parse(parts[1]);
                    break;
                default:
                    y.Add(Parse(parts[0]));
                    x.Add(Parse(parts[1]));
                    break;
            }
        }

        var columns = Enumerable.Range(1, 10).Select(d => x.Select(v => Math.Pow(v, d)).ToArray()).ToArray();
        var names = Enumerable.Range(1, 10).Select(d => "x^" + d.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new NistDataset("Filip", y.ToArray(), columns, names, beta.ToArray(), se.ToArray(), residualSd, rSquared);
    }

    /// <summary>Log relative error −log10(|est − cert| / |cert|), capped at 15 (agreement to the last double digit).</summary>
    public static double Lre(double estimate, double certified)
    {
        double relative = Math.Abs(estimate - certified) / Math.Abs(certified);
        return relative == 0 ? 15.0 : Math.Min(15.0, -Math.Log10(relative));
    }
}
