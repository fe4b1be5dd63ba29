namespace ZoneGrowth.Regression;

/// <summary>A named explanatory variable (one column of the design matrix). The name is used in errors and summaries.</summary>
public sealed class Regressor
{
    /// <summary>Creates a named regressor; the values are copied.</summary>
    /// <param name="name">Column name, unique within a model, for example "GNP" or "year − 2016".</param>
    /// <param name="values">One value per observation.</param>
    public Regressor(string name, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        Name = name;
        Values = values.ToList().AsReadOnly();
    }

    /// <summary>Column name used in errors and summaries.</summary>
    public string Name { get; }

    /// <summary>The observations of this regressor (a copy of what was passed).</summary>
    public IReadOnlyList<double> Values { get; }
}
