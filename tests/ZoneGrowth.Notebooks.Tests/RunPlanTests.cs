using System.Text.Json.Nodes;
using static ZoneGrowth.Notebooks.Tests.Notebooks;

namespace ZoneGrowth.Notebooks.Tests;

/// <summary>The plan of a run: notebooks read once, --param values parsed once as each notebook declares them, mistakes found before anything runs.</summary>
public sealed class RunPlanTests
{
    private static NotebookRunPlan Plan(string[] notebooks, params string[] parameters) =>
        NotebookRunPlan.Create(notebooks.Select(Fixture).ToArray(), null, parameters, AppContext.BaseDirectory);

    [Fact]
    public void Each_notebook_gets_the_values_it_declares_typed_and_results_json_gets_them_as_typed_json()
    {
        // publish.ipynb declares label, years, growth, publishLow; parameters.ipynb dataFile, seed, target, x, fast, big, label.
        var plan = Plan(["publish.ipynb", "parameters.ipynb"], "label=typed", "years=2", "seed=7", "fast=true");

        Assert.Empty(plan.Problems);
        var publish = plan.Notebooks[0].Parameters.Where(p => p.Injected).ToDictionary(p => p.Name, p => p.Value);
        var parameters = plan.Notebooks[1].Parameters.Where(p => p.Injected).ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(new Dictionary<string, object?> { ["label"] = "typed", ["years"] = 2 }, publish);
        Assert.Equal(new Dictionary<string, object?> { ["seed"] = 7, ["fast"] = true, ["label"] = "typed" }, parameters);
        Assert.Equal(["label", "years", "seed", "fast"], plan.Parameters.Keys);
        Assert.Equal("{\"label\":\"typed\",\"years\":2,\"seed\":7,\"fast\":true}", new JsonObject(plan.Parameters.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString());
    }

    [Fact]
    public void A_name_no_notebook_declares_is_a_problem_listing_the_declared_names_in_order()
    {
        var plan = Plan(["publish.ipynb", "success.ipynb"], "yeras=2");

        var problem = Assert.Single(plan.Problems);
        Assert.Contains("Unknown parameter 'yeras': no notebook run declares it", problem);
        Assert.Contains("Valid names: label, years, growth, publishLow.", problem);
    }

    [Fact]
    public void A_value_that_does_not_parse_is_a_problem_naming_notebook_value_and_type()
    {
        var problem = Assert.Single(Plan(["publish.ipynb"], "years=three").Problems);

        Assert.StartsWith("publish.ipynb: Value 'three' for parameter 'years' is not a valid int (32-bit integer)", problem);
        Assert.Contains("Write digits only", problem);
    }

    [Fact]
    public void Every_mistake_in_the_named_notebooks_is_listed_and_nothing_is_read()
    {
        var elsewhere = Directory.CreateTempSubdirectory("zonegrowth-plan-").FullName;
        var copy = Path.Combine(elsewhere, "publish.ipynb");
        File.Copy(Fixture("publish.ipynb"), copy);
        var text = Path.Combine(elsewhere, "notes.txt");
        File.WriteAllText(text, "not a notebook");
        try
        {
            var plan = NotebookRunPlan.Create([Fixture("no-such.ipynb"), text, Fixture("publish.ipynb"), copy], null, ["noequals"], elsewhere);

            Assert.Collection(plan.Problems,
                p => Assert.StartsWith("Notebook not found: " + Fixture("no-such.ipynb"), p),
                p => Assert.StartsWith("Not a notebook: " + text, p),
                p => Assert.Contains("have the same name", p),
                p => Assert.Contains("Parameter 'noequals' has no name before an '='", p));
            Assert.Empty(plan.Notebooks);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void A_relative_path_typed_for_a_path_parameter_is_made_absolute_against_the_working_directory()
    {
        var caller = Directory.CreateTempSubdirectory("zonegrowth-caller-").FullName;
        File.WriteAllText(Path.Combine(caller, "zone.csv"), "");
        try
        {
            var plan = NotebookRunPlan.Create([Fixture("parameters.ipynb")], null, ["dataFile=zone.csv", "label=zone.csv"], caller);

            Assert.Empty(plan.Problems);
            var values = plan.Notebooks[0].Parameters.Where(p => p.Injected).ToDictionary(p => p.Name, p => p.Value);
            Assert.Equal(Path.Combine(caller, "zone.csv"), values["dataFile"]);
            Assert.Equal("zone.csv", values["label"]); // not a path parameter
            Assert.Equal(Path.Combine(caller, "zone.csv"), (string?)plan.Parameters["dataFile"]);
        }
        finally
        {
            Directory.Delete(caller, recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_typed_on_the_command_line_is_refused_before_anything_runs_naming_value_rule_and_resolved_path()
    {
        var caller = Directory.CreateTempSubdirectory("zonegrowth-caller-").FullName;
        try
        {
            var plan = NotebookRunPlan.Create([Fixture("parameters.ipynb")], null, ["dataFile=nofile.csv"], caller);

            var problem = Assert.Single(plan.Problems);
            Assert.Equal(
                $"Parameter dataFile of parameters.ipynb: Data file \"nofile.csv\" was not found: read as relative to the directory the command was run in, {caller}, it is {Path.Combine(caller, "nofile.csv")}, which does not exist. Give a path relative to that directory, or an absolute path. Nothing was run.",
                problem);
        }
        finally
        {
            Directory.Delete(caller, recursive: true);
        }
    }

    [Fact]
    public void A_notebook_default_is_read_against_the_workbook_root_above_the_notebook_and_checked_too()
    {
        // A checkout of its own (the root marker), with a notebook whose default names a file that is not there.
        var checkout = Directory.CreateTempSubdirectory("zonegrowth-checkout-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(checkout, ZoneGrowth.WorkbookPaths.RootMarker), "<Solution />");
            var notebooks = Directory.CreateDirectory(Path.Combine(checkout, "notebooks")).FullName;
            var notebook = Path.Combine(notebooks, "parameters.ipynb");
            File.Copy(Fixture("parameters.ipynb"), notebook);

            var missing = Assert.Single(NotebookRunPlan.Create([notebook], new Dictionary<string, string>()).Problems);
            Assert.Equal(
                $"Parameter dataFile of parameters.ipynb: Data file \"data/hhz-indicators.csv\" was not found: read as relative to the workbook's root folder, {checkout}, it is {Path.Combine(checkout, "data", "hhz-indicators.csv")}, which does not exist. Give a path relative to the workbook's root folder (e.g. data/hhz-indicators.csv), or an absolute path; on the command line, a path relative to the directory you type it in. Nothing was run.",
                missing);

            Directory.CreateDirectory(Path.Combine(checkout, "data"));
            File.WriteAllText(Path.Combine(checkout, "data", "hhz-indicators.csv"), "");
            Assert.Empty(NotebookRunPlan.Create([notebook], new Dictionary<string, string>()).Problems);
        }
        finally
        {
            Directory.Delete(checkout, recursive: true);
        }
    }

    [Fact]
    public void An_unreadable_notebook_is_not_a_problem_of_the_plan_but_carries_why()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("zonegrowth-plan-").FullName, "broken.ipynb");
        File.WriteAllText(broken, "{ \"cells\": [ ");
        try
        {
            var plan = NotebookRunPlan.Create([broken, Fixture("publish.ipynb")], null, ["years=1"], AppContext.BaseDirectory);

            Assert.Empty(plan.Problems);
            Assert.Null(plan.Notebooks[0].Source);
            Assert.StartsWith(broken + ": cannot read notebook: ", plan.Notebooks[0].LoadError);
            Assert.NotNull(plan.Notebooks[1].Source);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(broken)!, recursive: true);
        }
    }

    [Fact]
    public void An_empty_notebooks_folder_is_nothing_to_run()
    {
        var folder = Directory.CreateTempSubdirectory("zonegrowth-plan-").FullName;
        try
        {
            var plan = NotebookRunPlan.Create([], folder, [], folder);

            Assert.Empty(plan.Problems);
            Assert.Empty(plan.Notebooks);
            Assert.Equal($"No notebooks found in {folder} (*.ipynb): nothing to run.", plan.NothingToRun);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
