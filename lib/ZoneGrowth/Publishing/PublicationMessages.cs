using System.Globalization;
using static System.FormattableString;

namespace ZoneGrowth.Publishing;

/// <summary>
/// Every message about published figures and data files, in one place: what was found, the rule it breaks and
/// what to do (house style, as <c>DataMessages</c>).
/// </summary>
internal static class PublicationMessages
{
    public const string NonEmptyString = "a non-empty string";
    public const string ANumber = "a number";
    public const string NumberOrNull = "a number or null";

    public const string IntervalWord = "one of none, confidence, prediction, credible, monte-carlo or prior-range";
    public const string HexString = "a hexadecimal string";
    public const string RowCount = "an integer >= 0";

    public static string EmptyText(string field, string? found) =>
        Invariant($"A published figure's {field} was \"{found}\"; it must be a non-empty text (a figure is identified by its notebook key and name). Give both, e.g. Results.Publish(\"03-target\", \"p_met\", ...).");

    public static string NotFinite(string name, string field, double found) =>
        Invariant($"Published figure '{name}': its {field} is {found}, but values and interval ends must be finite numbers (JSON has no NaN or infinity). Publish a finite value, or null for an interval end that is not known.");

    public static string NotAnObject(string mimeType) =>
        Invariant($"A {mimeType} entry is not a JSON object; the contract is an object with named fields (see PublicationContract).");

    public static string Broken(string mimeType, IEnumerable<ContractViolation> violations) =>
        Invariant($"A {mimeType} object breaks the contract: {string.Join("; ", violations.Select(v => $"'{v.Field}' must be {v.Expected}"))}.");

    public static string EmptyAnswerText(string field, string? found) =>
        Invariant($"A published answer's {field} was \"{found}\"; it must be a non-empty text. Publish the answer a result writes, e.g. Results.Publish(\"03-target\", outlook.Answer(simulation)).");

    public static string AnswerProbability(double found) =>
        Invariant($"A published answer's probability is {found}; it must lie between 0 and 1, or be null when the answer is not a probability.");

    public const string TextList = "a list of strings";

    public const string LeverList = "a list of {\"choice\", \"evidence\", \"cases\": [{\"if\", \"p\"}]} objects (p a probability), or of strings";

    public const string ProbabilityOrNull = "a number from 0 to 1, or null";

    public static string IntervalKind(string name, Publishing.IntervalKind kind) =>
        kind == Publishing.IntervalKind.None
            ? Invariant($"The figure {name} has a low or a high but no interval kind; say what they are (confidence, prediction, credible, monte-carlo or prior-range), so that no reader has to guess.")
            : Invariant($"The figure {name} declares a {kind.ToText()} interval but has neither a low nor a high; give them, or publish it with no interval kind.");
}
