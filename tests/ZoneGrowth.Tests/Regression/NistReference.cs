using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ZoneGrowth.Tests.Regression;

/// <summary>Loads NIST StRD datasets and their certified values from the Reference folder.</summary>
internal sealed record NistDataset(string Name, double[] Y, double[][] Columns, string[] ColumnNames, double[] Beta, double[] StandardErrors, double? ResidualSd, double? RSquared, bool Intercept = true)
{
    public static string ReferencePath(string file) => Path.Combine(AppContext.BaseDirectory, "Regression", "Reference", file);

    public static NistDataset FromJson(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ReferencePath("nist-strd-linear.json")));
        var set = document.RootElement.GetProperty(name);
        if (set.GetProperty("model").GetString() == "nist-dat")
        {
            int? degree = set.TryGetProperty("degree", out var d) ? d.GetInt32() : null;
            return FromDat(name, set.GetProperty("file").GetString()!, set.GetProperty("intercept").GetBoolean(), degree);
        }

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

    /// <summary>
    /// Reads a NIST StRD .dat file as NIST publishes it: the header says on which lines the certified values and the data are
    /// ("Certified Values (lines 31 to 46)", "Data (lines 61 to 96)"); certified rows are "Bj estimate sd", then
    /// "Standard Deviation value" (residual SD) and "R-Squared value". Data rows are "y x" (one predictor).
    /// </summary>
    /// <param name="name">Dataset name.</param>
    /// <param name="file">File in the Reference folder.</param>
    /// <param name="intercept">Whether NIST's model has B0 (false for NoInt1/NoInt2: y = B1·x).</param>
    /// <param name="degree">Polynomial degree (columns x, x², …); null for a straight line in x.</param>
    public static NistDataset FromDat(string name, string file, bool intercept, int? degree)
    {
        var lines = File.ReadAllLines(ReferencePath(file));
        var header = string.Join('\n', lines.Take(10));
        (int First, int Last) Range(string what)
        {
            var m = Regex.Match(header, what + @"\s+\(lines\s+(\d+)\s+to\s+(\d+)\)");
            Assert.True(m.Success, $"{file}: no '{what} (lines a to b)' in the header");
            return (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        var (certifiedFirst, certifiedLast) = Range("Certified Values");
        var beta = new List<double>();
        var se = new List<double>();
        double? residualSd = null;
        double? rSquared = null;
        for (int i = certifiedFirst - 1; i < certifiedLast; i++)
        {
            var line = lines[i];
            var parameter = Regex.Match(line, @"^\s*B(\d+)\s+(\S+)\s+(\S+)\s*$");
            if (parameter.Success)
            {
                Assert.Equal(beta.Count + (intercept ? 0 : 1), int.Parse(parameter.Groups[1].Value, CultureInfo.InvariantCulture));
                beta.Add(Parse(parameter.Groups[2].Value));
                se.Add(Parse(parameter.Groups[3].Value));
                continue;
            }

            var sd = Regex.Match(line, @"^\s*Standard Deviation\s+(\S+)\s*$");
            if (sd.Success)
            {
                residualSd = Parse(sd.Groups[1].Value);
            }

            var r2 = Regex.Match(line, @"^\s*R-Squared\s+(\S+)\s*$");
            if (r2.Success)
            {
                rSquared = Parse(r2.Groups[1].Value);
            }
        }

        var (dataFirst, dataLast) = Range("Data");
        var y = new List<double>();
        var x = new List<double>();
        for (int i = dataFirst - 1; i < dataLast; i++)
        {
            var parts = lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, parts.Length);
            y.Add(Parse(parts[0]));
            x.Add(Parse(parts[1]));
        }

        double[][] columns;
        string[] names;
        if (degree is int p)
        {
            columns = Enumerable.Range(1, p).Select(d => x.Select(v => Math.Pow(v, d)).ToArray()).ToArray();
            names = Enumerable.Range(1, p).Select(d => d == 1 ? "x" : "x^" + d.ToString(CultureInfo.InvariantCulture)).ToArray();
        }
        else
        {
            columns = [x.ToArray()];
            names = ["x"];
        }

        Assert.Equal(columns.Length + (intercept ? 1 : 0), beta.Count);
        Assert.NotNull(residualSd);
        Assert.NotNull(rSquared);
        return new NistDataset(name, y.ToArray(), columns, names, beta.ToArray(), se.ToArray(), residualSd, rSquared, intercept);
    }

    /// <summary>
    /// NIST's log relative error −log10(|est − cert| / |cert|), or the log absolute error −log10|est − cert| when the
    /// certified value is 0; capped at 15 (agreement to the last double digit).
    /// </summary>
    public static double Lre(double estimate, double certified)
    {
        double difference = Math.Abs(estimate - certified);
        double relative = certified == 0 ? difference : difference / Math.Abs(certified);
        return relative == 0 ? 15.0 : Math.Min(15.0, -Math.Log10(relative));
    }
}
