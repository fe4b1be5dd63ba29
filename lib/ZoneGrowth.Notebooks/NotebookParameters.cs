using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ZoneGrowth.Notebooks;

/// <summary>
/// Papermill's parameter convention for C# notebooks: the cell tagged <c>parameters</c> declares variables with
/// defaults; passed values become a new cell tagged <c>injected-parameters</c> that re-assigns them.
/// </summary>
public static class NotebookParameters
{
    /// <summary>Tag marking the cell that declares parameters and their defaults.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>Tag of the generated cell that re-assigns passed values, inserted right after the parameters cell.</summary>
    public const string InjectedParametersTag = "injected-parameters";

    /// <summary>
    /// The parameter through which a notebook asks for the previous vintage's data: a <c>string</c> that
    /// <c>run --compare previous/results.json</c> sets, unless it was given with <c>--param</c>, to the path of a CSV
    /// holding the rows of the first data file the notebook read in that earlier run.
    /// </summary>
    public const string PreviousDataFileName = "previousDataFile";

    private static readonly CSharpParseOptions ScriptOptions =
        new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>
    /// Turns command-line <c>name=value</c> pairs into values by name, as text (typed later, once, by
    /// <see cref="Bind"/>). The value is everything after the first <c>=</c> (it may contain <c>=</c>); a later
    /// pair overrides an earlier one.
    /// </summary>
    /// <exception cref="NotebookParameterException">A pair without <c>=</c> or with an empty name.</exception>
    public static IReadOnlyDictionary<string, string> ParseAssignments(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new NotebookParameterException(NotebookMessages.NotAnAssignment(pair));
            }

            result[pair[..equals].Trim()] = pair[(equals + 1)..];
        }

        return result;
    }

    /// <summary>
    /// Whether a parameter names a file or folder, by the workbook's naming convention: a name
    /// ending in File, Folder, Path or Directory (<c>dataFile</c>, <c>catalogFile</c>).
    /// </summary>
    public static bool IsPathName(string name) =>
        new[] { "File", "Folder", "Path", "Directory" }.Any(suffix => name.EndsWith(suffix, StringComparison.Ordinal) || name.Equals(suffix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Values as typed on a command line, with every relative path of a path-named parameter
    /// (<see cref="IsPathName"/>) made absolute against <paramref name="workingDirectory"/>, the
    /// caller's: a path typed at a prompt is relative to where it was typed. Defaults written in a notebook are not
    /// touched: the library resolves them against the workbook's root (<see cref="ZoneGrowth.WorkbookPaths"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ResolvePaths(IReadOnlyDictionary<string, string> values, string workingDirectory) =>
        values.ToDictionary(
            p => p.Key,
            p => IsPathName(p.Key) && p.Value.Length > 0 && !Path.IsPathRooted(p.Value) ? Path.GetFullPath(p.Value, workingDirectory) : p.Value,
            StringComparer.Ordinal);

    /// <summary>Reads the top-level variable declarations of a parameters cell's C# source.</summary>
    /// <param name="code">Source of the cell tagged <c>parameters</c>.</param>
    /// <returns>The declared variables in source order.</returns>
    public static IReadOnlyList<NotebookParameter> Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var root = CSharpSyntaxTree.ParseText(code, ScriptOptions).GetCompilationUnitRoot();
        var result = new List<NotebookParameter>();
        foreach (var member in root.Members)
        {
            // In script kind, top-level `int x = 1;` is parsed as a field declaration; a statement form can
            // still appear (e.g. inside a global statement), so both are read.
            var (declaration, modifiers) = member switch
            {
                FieldDeclarationSyntax field => (field.Declaration, field.Modifiers),
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => (local.Declaration, local.Modifiers),
                _ => (null, default(SyntaxTokenList)),
            };
            if (declaration is null)
            {
                continue;
            }

            foreach (var variable in declaration.Variables)
            {
                var initializer = variable.Initializer?.Value;
                // A const (or readonly) cannot be re-assigned by the injected cell.
                var fixedValue = modifiers.Any(m => m.IsKind(SyntaxKind.ConstKeyword) || m.IsKind(SyntaxKind.ReadOnlyKeyword));
                var type = fixedValue ? NotebookParameterType.Unsupported
                    : declaration.Type.IsVar ? TypeOfLiteral(initializer)
                    : TypeOfSyntax(declaration.Type);
                var typeText = modifiers.Count > 0 ? $"{modifiers.ToString()} {declaration.Type}" : declaration.Type.ToString();
                result.Add(new NotebookParameter(
                    variable.Identifier.ValueText,
                    type,
                    typeText,
                    initializer?.ToString())
                {
                    DefaultString = initializer is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null,
                });
            }
        }

        return result;
    }

    /// <summary>
    /// Types passed values once, by the notebook's declarations, and lists every parameter of the notebook with the
    /// value it will have: the typed value passed in, or the default written in the notebook.
    /// </summary>
    /// <param name="declared">The notebook's declarations (from <see cref="Parse"/>), or <c>null</c> when it has no
    /// cell tagged <c>parameters</c>.</param>
    /// <param name="values">Passed values by name, as text (invariant culture for numbers).</param>
    /// <returns>One value per declared name, in declaration order (a later re-declaration wins, as in the script).</returns>
    /// <exception cref="NotebookParameterException">A name the notebook does not declare, a value that does not parse,
    /// a type that cannot be set, or values for a notebook without a parameters cell.</exception>
    public static IReadOnlyList<NotebookParameterValue> Bind(IReadOnlyList<NotebookParameter>? declared, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (declared is null)
        {
            return values.Count == 0 ? [] : throw new NotebookParameterException(NotebookMessages.UnknownParameters(values.Keys.ToList(), []));
        }

        var byName = new Dictionary<string, NotebookParameter>(StringComparer.Ordinal);
        foreach (var parameter in declared)
        {
            byName[parameter.Name] = parameter;
        }

        var unknown = values.Keys.Where(k => !byName.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new NotebookParameterException(NotebookMessages.UnknownParameters(unknown, declared.Select(p => p.Name).Distinct().ToList()));
        }

        return declared.Select(p => p.Name).Distinct().Select(name => byName[name]).Select(p => values.TryGetValue(p.Name, out var text)
                ? new NotebookParameterValue(p.Name, p.Type, ParseValue(p, text), text, true)
                : new NotebookParameterValue(p.Name, p.Type, null, p.DefaultValueText, false))
            .ToList();
    }

    /// <summary>
    /// Builds the C# source of the <c>injected-parameters</c> cell from typed values: one re-assignment per value
    /// passed in, written as a C# literal (strings escaped, so no value is ever executed as code).
    /// </summary>
    /// <param name="values">The notebook's parameter values (from <see cref="Bind"/>); defaults are skipped.</param>
    /// <returns>The source of the injected cell, or <c>null</c> when no value was passed in.</returns>
    public static string? BuildInjectedCode(IEnumerable<NotebookParameterValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var injected = values.Where(v => v.Injected).ToList();
        if (injected.Count == 0)
        {
            return null;
        }

        var code = new StringBuilder("// Parameters injected by ZoneGrowth.Notebooks\n");
        foreach (var value in injected)
        {
            code.Append(SyntaxFacts.GetKeywordKind(value.Name) != SyntaxKind.None ? "@" + value.Name : value.Name)
                .Append(" = ")
                .Append(ToLiteral(value.Value!))
                .Append(";\n");
        }

        return code.ToString();
    }

    /// <summary>Parses a passed value as the parameter's declared type (invariant culture).</summary>
    /// <exception cref="NotebookParameterException">The value does not parse as the declared type.</exception>
    public static object ParseValue(NotebookParameter parameter, string text)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(text);
        var inv = CultureInfo.InvariantCulture;
        object? value = parameter.Type switch
        {
            NotebookParameterType.String => text,
            NotebookParameterType.Int32 => int.TryParse(text, NumberStyles.Integer, inv, out var i) ? i : null,
            NotebookParameterType.Int64 => long.TryParse(text, NumberStyles.Integer, inv, out var l) ? l : null,
            NotebookParameterType.Double => double.TryParse(text, NumberStyles.Float, inv, out var d) ? d : null,
            NotebookParameterType.Decimal => decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, inv, out var m) ? m : null,
            NotebookParameterType.Boolean => text switch { "true" => true, "false" => false, _ => null },
            _ => throw new NotebookParameterException(NotebookMessages.UnsettableType(parameter)),
        };
        return value ?? throw new NotebookParameterException(NotebookMessages.BadValue(parameter, text));
    }

    /// <summary>Writes a typed value as a C# literal expression.</summary>
    internal static string ToLiteral(object value)
    {
        var inv = CultureInfo.InvariantCulture;
        return value switch
        {
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            int i => i.ToString(inv),
            long l => l.ToString(inv) + "L",
            double d when double.IsNaN(d) => "double.NaN",
            double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
            double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
            double d => d.ToString("R", inv) + "d",
            decimal m => m.ToString(inv) + "m",
            bool b => b ? "true" : "false",
            _ => throw new ArgumentException(NotebookMessages.NoLiteralForm(value.GetType()), nameof(value)),
        };
    }

    private static NotebookParameterType TypeOfSyntax(TypeSyntax type)
    {
        if (type is NullableTypeSyntax nullable)
        {
            type = nullable.ElementType;
        }

        var name = type switch
        {
            PredefinedTypeSyntax p => p.Keyword.ValueText,
            QualifiedNameSyntax q => q.ToString().Replace(" ", "", StringComparison.Ordinal),
            AliasQualifiedNameSyntax a => a.Name.ToString(),
            _ => type.ToString(),
        };
        if (name.StartsWith("global::", StringComparison.Ordinal))
        {
            name = name["global::".Length..];
        }

        return name switch
        {
            "string" or "String" or "System.String" => NotebookParameterType.String,
            "int" or "Int32" or "System.Int32" => NotebookParameterType.Int32,
            "long" or "Int64" or "System.Int64" => NotebookParameterType.Int64,
            "double" or "Double" or "System.Double" => NotebookParameterType.Double,
            "decimal" or "Decimal" or "System.Decimal" => NotebookParameterType.Decimal,
            "bool" or "Boolean" or "System.Boolean" => NotebookParameterType.Boolean,
            _ => NotebookParameterType.Unsupported,
        };
    }

    private static NotebookParameterType TypeOfLiteral(ExpressionSyntax? expression)
    {
        while (expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression or (int)SyntaxKind.UnaryPlusExpression } unary)
        {
            expression = unary.Operand;
        }

        if (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            return TypeOfLiteral(parenthesized.Expression);
        }

        if (expression is not LiteralExpressionSyntax literal)
        {
            return NotebookParameterType.Unsupported;
        }

        return literal.Kind() switch
        {
            SyntaxKind.StringLiteralExpression => NotebookParameterType.String,
            SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression => NotebookParameterType.Boolean,
            SyntaxKind.NumericLiteralExpression => literal.Token.Value switch
            {
                int => NotebookParameterType.Int32,
                long => NotebookParameterType.Int64,
                double => NotebookParameterType.Double,
                decimal => NotebookParameterType.Decimal,
                _ => NotebookParameterType.Unsupported,
            },
            _ => NotebookParameterType.Unsupported,
        };
    }
}
