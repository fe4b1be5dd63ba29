using System.Globalization;
using System.Text.Json;
using MathNet.Numerics.Distributions;
using ZoneGrowth.Numerics;

namespace ZoneGrowth.Tests.Numerics;

/// <summary>The outlook's numerical building blocks against independent values.</summary>
public sealed class NumericsTests
{
    public static TheoryData<double, double, double, string> BivariateCases()
    {
        // Numerics/Reference/bivariate_normal_reference.py: mpmath at 50 digits, tanh-sinh quadrature of phi(x)·Q(...).
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Numerics", "Reference", "bivariate_normal_reference.json")));
        var data = new TheoryData<double, double, double, string>();
        foreach (var c in json.RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("h").GetDouble(), c.GetProperty("k").GetDouble(), c.GetProperty("rho").GetDouble(), c.GetProperty("upper").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BivariateCases))]
    public void TheBivariateOrthantIsMpmathsTo14Digits(double h, double k, double rho, string expected)
    {
        var reference = double.Parse(expected, CultureInfo.InvariantCulture);

        Assert.Equal(reference, BivariateNormal.UpperOrthant(h, k, rho), 1e-14);
        // The lower orthant by symmetry: P(X ≤ x, Y ≤ y) = P(−X ≥ −x, −Y ≥ −y), the same correlation.
        Assert.Equal(reference, BivariateNormal.Cdf(-h, -k, rho), 1e-14);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(5.0)]
    public void TheScaleMixtureRuleIsExactForPolynomialsInTau(double nu)
    {
        var (factor, weight) = ScaleMixtureRule.Create(nu, 8);

        // τ² = 1/w = χ²_ν/ν: E[τ²] = 1, E[τ⁴] = (ν + 2)/ν (χ²_ν has mean ν and variance 2ν); the weights sum to 1.
        // The rule is exact for the 400-point discretisation of the weight, whose moments are within 1e-9 of the true ones.
        Assert.Equal(1, weight.Sum(), 1e-13);
        Assert.Equal(1, factor.Zip(weight).Sum(p => p.Second / p.First), 1e-9);
        Assert.Equal((nu + 2) / nu, factor.Zip(weight).Sum(p => p.Second / (p.First * p.First)), 1e-9);
    }

    [Theory]
    [InlineData(2.0, 0.5)]
    [InlineData(2.0, 2.5)]
    [InlineData(3.0, 1.0)]
    [InlineData(3.0, -3.0)]
    public void AMixtureOfNormalsOverTheRuleIsStudentT(double nu, double x)
    {
        // Z·√w with w = ν/χ²_ν is Student t_ν, so E[Φ(x/√w)] = T_ν(x) (MathNet's Student t CDF).
        var (factor, weight) = ScaleMixtureRule.Create(nu, 8);

        var mixture = factor.Zip(weight).Sum(p => p.Second * Normal.CDF(0, 1, x / Math.Sqrt(p.First)));

        Assert.Equal(StudentT.CDF(0, 1, nu, x), mixture, 2e-5);
    }
}
