namespace ZoneGrowth.Nowcast;

/// <summary>
/// A quantity of the evidence model on the log scale: a constant plus a weighted sum of latent variables
/// (<see cref="ModelLatent"/>), e.g. ln(revenue 2025) = ln k₂₀₂₁ + drifts + share + GDP 2021 + growth since.
/// Immutable; adding two forms adds their terms.
/// </summary>
internal sealed class LinearForm
{
    private readonly Dictionary<int, double> _terms;

    private LinearForm(double constant, Dictionary<int, double> terms)
    {
        Constant = constant;
        _terms = terms;
    }

    /// <summary>The form 0.</summary>
    public static LinearForm Zero { get; } = new(0, []);

    /// <summary>The constant.</summary>
    public double Constant { get; }

    /// <summary>Each latent's coefficient (none is zero).</summary>
    public IReadOnlyDictionary<int, double> Terms => _terms;

    /// <summary>One latent with coefficient 1.</summary>
    public static LinearForm Of(int latent) => new(0, new() { [latent] = 1 });

    /// <summary>A constant.</summary>
    public static LinearForm Const(double value) => new(value, []);

    public static LinearForm operator +(LinearForm a, LinearForm b)
    {
        var terms = new Dictionary<int, double>(a._terms);
        foreach (var (i, c) in b._terms)
        {
            var sum = terms.GetValueOrDefault(i) + c;
            if (sum == 0)
            {
                terms.Remove(i);
            }
            else
            {
                terms[i] = sum;
            }
        }

        return new LinearForm(a.Constant + b.Constant, terms);
    }

    public static LinearForm operator -(LinearForm a, LinearForm b) => a + (-b);

    public static LinearForm operator -(LinearForm a) => new(-a.Constant, a._terms.ToDictionary(t => t.Key, t => -t.Value));

    /// <summary>The sum of several forms.</summary>
    public static LinearForm Sum(IEnumerable<LinearForm> forms) => forms.Aggregate(Zero, (a, b) => a + b);

    /// <summary>The coefficient of a latent (0 when absent).</summary>
    public double this[int latent] => _terms.GetValueOrDefault(latent);
}
