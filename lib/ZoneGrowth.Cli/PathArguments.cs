using System.CommandLine;

namespace ZoneGrowth.Cli;

/// <summary>
/// The file arguments of the verbs accept any number of paths, so System.CommandLine would take a
/// mistyped option (<c>--bogus</c>) for a path; this refuses it as an unknown option instead.
/// </summary>
internal static class PathArguments
{
    /// <summary>Adds a validator reporting every token that starts with '-' with the verb's message.</summary>
    public static void RejectOptionLikeTokens(Argument<string[]> argument, Func<string, string> unknownOption) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError(unknownOption(token.Value));
            }
        });
}
