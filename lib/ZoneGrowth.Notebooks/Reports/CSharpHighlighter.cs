using System.Net;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ZoneGrowth.Notebooks.Reports;

/// <summary>
/// Offline syntax highlighting of C# cells: Roslyn's lexer (script kind, as the kernel compiles cells) splits the
/// source into tokens and trivia, which become escaped text in spans with CSS classes <c>kw</c> (keywords,
/// contextual ones included), <c>str</c> (string and character literals, interpolated strings' text),
/// <c>num</c>, <c>com</c> (comments) and <c>dir</c> (directives such as <c>#r</c>). The text is kept exactly.
/// </summary>
internal static class CSharpHighlighter
{
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    public static string ToHtml(string code)
    {
        var html = new StringBuilder(code.Length * 2);
        var root = CSharpSyntaxTree.ParseText(code, Options).GetRoot();
        foreach (var token in root.DescendantTokens(descendIntoTrivia: false))
        {
            Trivia(html, token.LeadingTrivia);
            Span(html, Classify(token), token.Text);
            Trivia(html, token.TrailingTrivia);
        }

        return html.ToString();
    }

    private static void Trivia(StringBuilder html, SyntaxTriviaList trivia)
    {
        foreach (var t in trivia)
        {
            var cls = t.Kind() switch
            {
                SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia or
                SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia => "com",
                _ when t.IsDirective => "dir",
                SyntaxKind.ShebangDirectiveTrivia => "dir",
                _ => null,
            };
            Span(html, cls, t.ToFullString());
        }
    }

    private static string? Classify(SyntaxToken token)
    {
        var kind = token.Kind();
        if (SyntaxFacts.IsKeywordKind(kind))
        {
            return "kw";
        }

        if (kind == SyntaxKind.IdentifierToken && IsContextualUse(token))
        {
            return "kw";
        }

        if (kind == SyntaxKind.NumericLiteralToken)
        {
            return "num";
        }

        var name = kind.ToString();
        return name.Contains("StringLiteral", StringComparison.Ordinal) || name.Contains("CharacterLiteral", StringComparison.Ordinal)
            || name.StartsWith("InterpolatedString", StringComparison.Ordinal) || name.StartsWith("InterpolatedSingleLine", StringComparison.Ordinal)
            || name.StartsWith("InterpolatedMultiLine", StringComparison.Ordinal) || name.StartsWith("InterpolatedRaw", StringComparison.Ordinal)
            ? "str"
            : null;
    }

    // `var`, `await`, `async` and friends are identifiers to the lexer; colour them only where they act as keywords
    // (a type named var, the await operator...), not when a variable happens to be called `value` or `from`.
    private static bool IsContextualUse(SyntaxToken token) =>
        token.ValueText is "var" or "await" or "async" or "dynamic" or "nameof" or "record" or "init" or "yield" or "when" or "required" or "global"
        && token.Parent is not null && !token.Parent.IsKind(SyntaxKind.VariableDeclarator);

    private static void Span(StringBuilder html, string? cls, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (cls is null)
        {
            html.Append(WebUtility.HtmlEncode(text));
            return;
        }

        html.Append("<span class=\"").Append(cls).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</span>");
    }
}
