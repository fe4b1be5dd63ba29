using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ZoneGrowth.Notebooks;

/// <summary>The C# types a notebook parameter can have when it is set from outside the notebook.</summary>
public enum NotebookParameterType
{
    /// <summary>A declared type the runner cannot set from text (the default stays in force).</summary>
    Unsupported = 0,
    /// <summary><c>string</c> (also used for paths).</summary>
    String,
    /// <summary><c>int</c> (<see cref="int"/>).</summary>
    Int32,
    /// <summary><c>long</c> (<see cref="long"/>).</summary>
    Int64,
    /// <summary><c>double</c> (<see cref="double"/>).</summary>
    Double,
    /// <summary><c>decimal</c> (<see cref="decimal"/>).</summary>
    Decimal,
    /// <summary><c>bool</c> (<see cref="bool"/>).</summary>
    Boolean,
}

/// <summary>One variable declared in a notebook's cell tagged <c>parameters</c>.</summary>
/// <param name="Name">The variable name as written in C#.</param>
/// <param name="Type">The declared type, or <see cref="NotebookParameterType.Unsupported"/>.</param>
/// <param name="DeclaredTypeText">The type as written in the declaration (<c>var</c> included).</param>
/// <param name="DefaultValueText">The initializer as written in the notebook, or <c>null</c> when there is none.</param>
public sealed record NotebookParameter(string Name, NotebookParameterType Type, string DeclaredTypeText, string? DefaultValueText);

/// <summary>The value a parameter had in one run, after injection.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Type">The declared type.</param>
/// <param name="Value">The typed injected value, or <c>null</c> when the notebook's default was used.</param>
/// <param name="ValueText">The injected value as given (for an injected value) or the default initializer as written.</param>
/// <param name="Injected"><c>true</c> when the value was passed in rather than the notebook's default.</param>
public sealed record NotebookParameterValue(string Name, NotebookParameterType Type, object? Value, string? ValueText, bool Injected);

/// <summary>A parameter passed to a notebook is unknown, mistyped, or the notebook has no parameters cell.</summary>
public sealed class NotebookParameterException : Exception
{
    /// <summary>Creates the exception with a message meant for the person running the notebook.</summary>
    public NotebookParameterException(string message) : base(message) { }
}

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

    private static readonly CSharpParseOptions ScriptOptions =
        new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>Reads the parameters declared by a notebook file (its first code cell tagged <c>parameters</c>).</summary>
    /// <param name="notebookPath">The .ipynb file.</param>
    /// <returns>The declarations, or <c>null</c> when the notebook has no cell tagged <c>parameters</c>.</returns>
    public static IReadOnlyList<NotebookParameter>? ReadFromNotebook(string notebookPath)
    {
        var notebook = Ipynb.Load(notebookPath);
        var cell = ((System.Text.Json.Nodes.JsonArray)notebook["cells"]!)
            .OfType<System.Text.Json.Nodes.JsonObject>()
            .FirstOrDefault(c => (string?)c["cell_type"] == "code" && Ipynb.Tags(c).Contains(ParametersTag));
        return cell is null ? null : Parse(Ipynb.ReadMultiline(cell["source"]));
    }

    /// <summary>
    /// Turns command-line <c>name=value</c> pairs into the dictionary <see cref="NotebookRunRequest"/> takes. The
    /// value is everything after the first <c>=</c> (it may contain <c>=</c>); a later pair overrides an earlier one.
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
                throw new NotebookParameterException($"Parameter '{pair}' must be written name=value.");
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
    /// caller's: a path typed at a prompt is relative to where it was typed, while the kernel runs in
    /// the notebook's folder. Defaults written in a notebook are not touched and keep resolving
    /// against the notebook's folder, as in VS Code and Jupyter.
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
                    initializer?.ToString()));
            }
        }

        return result;
    }

    /// <summary>
    /// Builds the C# source of the <c>injected-parameters</c> cell: one re-assignment per passed value,
    /// each value typed from the declaration and written as a C# literal (strings escaped, so no value is
    /// ever executed as code).
    /// </summary>
    /// <param name="declared">Parameters declared by the notebook (from <see cref="Parse"/>).</param>
    /// <param name="values">Passed values by parameter name (text, invariant culture for numbers).</param>
    /// <param name="typedValues">The parsed values, by parameter name, in the order of <paramref name="values"/>.</param>
    /// <returns>The source of the injected cell.</returns>
    /// <exception cref="NotebookParameterException">An unknown name, an unsupported type, or a value that does not parse.</exception>
    public static string BuildInjectedCode(
        IReadOnlyList<NotebookParameter> declared,
        IReadOnlyDictionary<string, string> values,
        out IReadOnlyDictionary<string, object> typedValues)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(values);
        var byName = new Dictionary<string, NotebookParameter>(StringComparer.Ordinal);
        foreach (var parameter in declared)
        {
            byName[parameter.Name] = parameter; // a later re-declaration wins, as in the script
        }

        var unknown = values.Keys.Where(k => !byName.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            var valid = byName.Count == 0 ? "(none declared)" : string.Join(", ", byName.Keys);
            throw new NotebookParameterException(
                $"Unknown parameter{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Valid names: {valid}.");
        }

        var typed = new Dictionary<string, object>(StringComparer.Ordinal);
        var code = new StringBuilder("// Parameters injected by ZoneGrowth.Notebooks\n");
        foreach (var (name, text) in values)
        {
            var parameter = byName[name];
            var value = ParseValue(parameter, text);
            typed[name] = value;
            code.Append(SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name)
                .Append(" = ")
                .Append(ToLiteral(value))
                .Append(";\n");
        }

        typedValues = typed;
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
            _ => throw new NotebookParameterException(
                $"Parameter '{parameter.Name}' is declared as '{parameter.DeclaredTypeText}', which cannot be set from outside the notebook (supported: string, int, long, double, decimal, bool)."),
        };
        return value ?? throw new NotebookParameterException(
            $"Value '{text}' for parameter '{parameter.Name}' is not a valid {Describe(parameter.Type)} (declared '{parameter.DeclaredTypeText}').");
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
            _ => throw new ArgumentException($"No literal form for {value.GetType()}", nameof(value)),
        };
    }

    private static string Describe(NotebookParameterType type) => type switch
    {
        NotebookParameterType.Int32 => "int (32-bit integer)",
        NotebookParameterType.Int64 => "long (64-bit integer)",
        NotebookParameterType.Double => "double (number, '.' as decimal separator)",
        NotebookParameterType.Decimal => "decimal (number, '.' as decimal separator)",
        NotebookParameterType.Boolean => "bool (true or false)",
        _ => type.ToString(),
    };

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
