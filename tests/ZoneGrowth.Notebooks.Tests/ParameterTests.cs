using static ZoneGrowth.Notebooks.Tests.Notebooks;

namespace ZoneGrowth.Notebooks.Tests;

public class ParameterTests
{
    private const string Malicious = "\"; throw new Exception(\"pwned\"); //\\ back\\slash\nsecond line \\\" {braces} $\"{x}\"";

    [Fact]
    public void Declarations_are_read_with_their_types()
    {
        var declared = NotebookParameters.Parse("""
            string dataFile = "data/hhz-indicators.csv";
            int seed = 20251;
            double target = 6000;
            decimal x = 1.5m, y = 2m;
            bool fast = false;
            long big = 1L;
            var label = "default";
            var n = -3;
            var ratio = 0.5;
            System.DateTime when = default;
            Console.WriteLine("not a declaration");
            """);
        Assert.Equal(
            [
                ("dataFile", NotebookParameterType.String), ("seed", NotebookParameterType.Int32), ("target", NotebookParameterType.Double),
                ("x", NotebookParameterType.Decimal), ("y", NotebookParameterType.Decimal), ("fast", NotebookParameterType.Boolean),
                ("big", NotebookParameterType.Int64), ("label", NotebookParameterType.String), ("n", NotebookParameterType.Int32),
                ("ratio", NotebookParameterType.Double), ("when", NotebookParameterType.Unsupported),
            ],
            declared.Select(p => (p.Name, p.Type)));
        Assert.Equal("\"data/hhz-indicators.csv\"", declared[0].DefaultValueText);
    }

    [Fact]
    public void Injected_code_types_values_in_invariant_culture()
    {
        var declared = NotebookParameters.Parse("int seed = 1; double target = 0; decimal x = 0m; bool fast = false; long big = 0; string s = \"\"; int kept = 3;");
        var values = NotebookParameters.Bind(declared,
            new Dictionary<string, string> { ["seed"] = "-42", ["target"] = "6500.25", ["x"] = "1.5", ["fast"] = "true", ["big"] = "9000000000", ["s"] = "a\"b" });
        var code = NotebookParameters.BuildInjectedCode(values);
        var typed = values.Where(v => v.Injected).ToDictionary(v => v.Name, v => v.Value);
        Assert.Contains("seed = -42;", code);
        Assert.Contains("target = 6500.25d;", code);
        Assert.Contains("x = 1.5m;", code);
        Assert.Contains("fast = true;", code);
        Assert.Contains("big = 9000000000L;", code);
        Assert.Contains("s = \"a\\\"b\";", code);
        Assert.Equal(6500.25, typed["target"]);
        Assert.Equal(1.5m, typed["x"]);
        Assert.Equal(-42, typed["seed"]);
        Assert.DoesNotContain("kept", code); // a default stays in the parameters cell
        Assert.Contains(values, v => v is { Name: "kept", Injected: false, Value: null, ValueText: "3" });
        Assert.Null(NotebookParameters.BuildInjectedCode(NotebookParameters.Bind(declared, new Dictionary<string, string>())));
    }

    [Fact]
    public void Typed_values_become_typed_json_for_results_json()
    {
        var values = NotebookParameters.Bind(
            NotebookParameters.Parse("int seed = 1; double target = 0; decimal x = 0m; bool fast = false; long big = 0; string dataFile = \"\"; double odd = 0;"),
            new Dictionary<string, string> { ["seed"] = "42", ["target"] = "6500.5", ["x"] = "2.25", ["fast"] = "true", ["big"] = "9000000000", ["dataFile"] = "/d/zone.csv", ["odd"] = "NaN" })
            .ToDictionary(v => v.Name, v => v.ToJson()!.ToJsonString());

        Assert.Equal("42", values["seed"]);
        Assert.Equal("6500.5", values["target"]);
        Assert.Equal("2.25", values["x"]);
        Assert.Equal("true", values["fast"]);
        Assert.Equal("9000000000", values["big"]);
        Assert.Equal("\"/d/zone.csv\"", values["dataFile"]);
        Assert.Equal("\"NaN\"", values["odd"]); // JSON has no NaN
    }

    [Fact]
    public void Unknown_name_lists_the_valid_names()
    {
        var declared = NotebookParameters.Parse("int seed = 1; string dataFile = \"a\";");
        var e = Assert.Throws<NotebookParameterException>(() =>
            NotebookParameters.Bind(declared, new Dictionary<string, string> { ["sede"] = "1" }));
        Assert.Contains("'sede'", e.Message);
        Assert.Contains("Valid names: seed, dataFile.", e.Message);
    }

    [Theory]
    [InlineData("int seed = 1;", "seed", "1.5", "int")]
    [InlineData("int seed = 1;", "seed", "1,000", "int")]
    [InlineData("double target = 1;", "target", "6000,5", "double")]
    [InlineData("decimal x = 1m;", "x", "abc", "decimal")]
    [InlineData("bool fast = false;", "fast", "yes", "bool")]
    public void Value_that_does_not_parse_names_parameter_value_and_type(string declaration, string name, string value, string type)
    {
        var e = Assert.Throws<NotebookParameterException>(() =>
            NotebookParameters.Bind(NotebookParameters.Parse(declaration), new Dictionary<string, string> { [name] = value }));
        Assert.Contains($"'{name}'", e.Message);
        Assert.Contains($"'{value}'", e.Message);
        Assert.Contains(type, e.Message);
    }

    [Fact]
    public void Unsupported_declared_type_cannot_be_set()
    {
        var e = Assert.Throws<NotebookParameterException>(() =>
            NotebookParameters.Bind(NotebookParameters.Parse("DateTime when = default;"), new Dictionary<string, string> { ["when"] = "2025-01-01" }));
        Assert.Contains("DateTime", e.Message);
    }

    [Fact]
    public void Command_line_pairs_become_a_dictionary()
    {
        var values = NotebookParameters.ParseAssignments(["seed=1", "filter=a=b", "seed=2", "empty="]);
        Assert.Equal("2", values["seed"]);
        Assert.Equal("a=b", values["filter"]);
        Assert.Equal("", values["empty"]);
        Assert.Contains("name=value", Assert.Throws<NotebookParameterException>(() => NotebookParameters.ParseAssignments(["seed"])).Message);
        Assert.Throws<NotebookParameterException>(() => NotebookParameters.ParseAssignments(["=1"]));
    }

    [Fact]
    public void Parameters_are_read_from_a_notebook_file()
    {
        var declared = NotebookSource.Load(Fixture("parameters.ipynb")).Parameters;
        Assert.NotNull(declared);
        Assert.Equal(["dataFile", "seed", "target", "x", "fast", "big", "label"], declared!.Select(p => p.Name));
        Assert.Null(NotebookSource.Load(Fixture("success.ipynb")).Parameters);
    }

    [Fact]
    public void Const_parameter_cannot_be_set()
    {
        var declared = NotebookParameters.Parse("const int seed = 1;");
        Assert.Equal(NotebookParameterType.Unsupported, Assert.Single(declared).Type);
        var e = Assert.Throws<NotebookParameterException>(() =>
            NotebookParameters.Bind(declared, new Dictionary<string, string> { ["seed"] = "2" }));
        Assert.Contains("const int", e.Message);
    }

    [Fact]
    public async Task Passed_values_arrive_typed_and_strings_are_never_code()
    {
        var before = File.ReadAllBytes(Fixture("parameters.ipynb"));
        var result = await Run("parameters.ipynb", new Dictionary<string, string>
        {
            ["seed"] = "42",
            ["target"] = "6500.5",
            ["x"] = "2.25",
            ["fast"] = "true",
            ["big"] = "9000000000",
            ["dataFile"] = Fixture("data/hello.txt"), // a file parameter must name a file that exists
            ["label"] = Malicious,
        }, key: "typed");
        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal(before, File.ReadAllBytes(Fixture("parameters.ipynb")));

        var cells = Cells(Read(result));
        Assert.Equal(5, cells.Length);
        Assert.Equal("parameters", (string?)cells[1]["metadata"]!["tags"]![0]);
        var injected = cells[2];
        Assert.Equal("injected-parameters", (string?)injected["metadata"]!["tags"]![0]);
        Assert.Equal(2, (int?)injected["execution_count"]);

        var displays = Outputs(cells[3]);
        Assert.Equal(Fixture("data/hello.txt"), Text(displays[0]["data"]!["text/plain"]));
        Assert.Equal(Malicious, Text(displays[1]["data"]!["text/plain"]));
        Assert.Equal(
            "seed=42:Int32\ntarget=6500.5:Double\nx=2.25:Decimal\nfast=True:Boolean\nbig=9000000000:Int64\n",
            Text(Outputs(cells[4])[0]["text"]));

        var injectedValues = result.Parameters.Where(p => p.Injected).ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(42, injectedValues["seed"]);
        Assert.Equal(Malicious, injectedValues["label"]);
        Assert.Equal(4, result.Cells.Count); // 3 code cells + the injected one
        Assert.True(result.Cells[1].IsInjectedParameters);
    }

    [Fact]
    public async Task Running_an_executed_copy_again_replaces_its_injected_cell()
    {
        var first = await Run("parameters.ipynb", new Dictionary<string, string> { ["seed"] = "7" }, key: "rerun-1");
        Assert.True(first.Succeeded, Describe(first));
        var (second, _) = await RunOne(first.OutputPath!, Path.Combine(OutputRoot, "rerun-2"), new Dictionary<string, string> { ["seed"] = "8" },
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(second.Succeeded, Describe(second));
        var injected = Assert.Single(Cells(Read(second)), c => c["metadata"]!["tags"]?.ToJsonString().Contains("injected-parameters") == true);
        Assert.Contains("seed = 8;", Text(injected["source"]));
    }

    [Fact]
    public async Task Defaults_run_without_an_injected_cell()
    {
        var result = await Run("parameters.ipynb", key: "defaults");
        Assert.True(result.Succeeded, Describe(result));
        var cells = Cells(Read(result));
        Assert.Equal(4, cells.Length);
        Assert.Equal("data/hhz-indicators.csv", Text(Outputs(cells[2])[0]["data"]!["text/plain"]));
        Assert.All(result.Parameters, p => Assert.False(p.Injected));
        Assert.Contains(result.Parameters, p => p is { Name: "seed", ValueText: "20251", Type: NotebookParameterType.Int32 });
    }

    [Fact]
    public void Unknown_parameter_fails_before_running_and_lists_valid_names()
    {
        var problem = Assert.Single(NotebookRunPlan.Create([Fixture("parameters.ipynb")], new Dictionary<string, string> { ["sede"] = "1" }).Problems);
        Assert.Contains("'sede'", problem);
        Assert.Contains("dataFile, seed, target, x, fast, big, label", problem);
    }

    [Fact]
    public void Bad_value_fails_before_running()
    {
        var problem = Assert.Single(NotebookRunPlan.Create([Fixture("parameters.ipynb")], new Dictionary<string, string> { ["seed"] = "12.5" }).Problems);
        Assert.Contains("'12.5'", problem);
        Assert.Contains("'seed'", problem);
        Assert.Contains("int", problem);
    }

    [Fact]
    public void Parameters_without_a_parameters_cell_are_an_error()
    {
        var problem = Assert.Single(NotebookRunPlan.Create([Fixture("success.ipynb")], new Dictionary<string, string> { ["seed"] = "1" }).Problems);
        Assert.Contains("no cell tagged 'parameters'", problem);
    }

    [Fact]
    public void Relative_paths_typed_for_path_parameters_resolve_against_the_callers_directory()
    {
        var caller = Path.Combine(Path.GetTempPath(), "caller");
        var values = NotebookParameters.ResolvePaths(
            new Dictionary<string, string> { ["dataFile"] = "my-zone.csv", ["catalogFile"] = "/abs/indicators.csv", ["zone"] = "my-zone.csv", ["outputFolder"] = "", ["dataPath"] = "../d" },
            caller);

        Assert.Equal(Path.Combine(caller, "my-zone.csv"), values["dataFile"]);
        Assert.Equal("/abs/indicators.csv", values["catalogFile"]);
        Assert.Equal("my-zone.csv", values["zone"]);
        Assert.Equal("", values["outputFolder"]);
        Assert.Equal(Path.GetFullPath(Path.Combine(caller, "..", "d")), values["dataPath"]);
    }
}
