namespace ZoneGrowth.Notebooks;

/// <summary>One variable declared in a notebook's cell tagged <c>parameters</c>.</summary>
/// <param name="Name">The variable name as written in C#.</param>
/// <param name="Type">The declared type, or <see cref="NotebookParameterType.Unsupported"/>.</param>
/// <param name="DeclaredTypeText">The type as written in the declaration (<c>var</c> included).</param>
/// <param name="DefaultValueText">The initializer as written in the notebook, or <c>null</c> when there is none.</param>
public sealed record NotebookParameter(string Name, NotebookParameterType Type, string DeclaredTypeText, string? DefaultValueText)
{
    /// <summary>The default's value when it is a string literal (<c>"data/hhz-indicators.csv"</c> → data/hhz-indicators.csv), else <c>null</c>.</summary>
    public string? DefaultString { get; init; }
}
