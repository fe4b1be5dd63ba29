namespace ZoneGrowth.Publishing;

/// <summary>A field of a published JSON object that does not follow <see cref="PublicationContract"/>.</summary>
/// <param name="Field">The field's name, e.g. <c>value</c>.</param>
/// <param name="Expected">What the contract wants there, e.g. <c>a number</c>.</param>
public sealed record ContractViolation(string Field, string Expected);
