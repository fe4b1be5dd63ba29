namespace ZoneGrowth.Tests.Architecture;

/// <summary>
/// The core library's namespaces read bottom-up: no cycle between its areas, and every use goes down the layers
/// below. Read from the compiled assembly (<see cref="TypeUses"/>), so a fully qualified name, an attribute's
/// <c>typeof</c> or a call inside a lambda counts as much as a <c>using</c> line.
/// </summary>
public sealed class NamespaceLayeringTests
{
    private const string Root = "ZoneGrowth";

    /// <summary>
    /// The intended layers of lib/ZoneGrowth, bottom first: an area may use the areas of the layers below it and no
    /// other, so two areas of one layer stay independent of each other. docs/library.md says what each holds and why
    /// the order is this one. A new namespace fails <see cref="The_layer_list_names_each_area_of_the_library_once"/>
    /// until it is given its place here.
    /// </summary>
    private static readonly IReadOnlyList<IReadOnlyList<string>> Layers =
    [
        ["ZoneGrowth"],                                 // WorkbookPaths: where the workbook's files are
        ["ZoneGrowth.Numerics", "ZoneGrowth.Random"],   // quadrature and normal integrals; the seeded generator
        ["ZoneGrowth.Data"],                            // data files, catalogs, units, series, bases and their words
        ["ZoneGrowth.Publishing"],                      // the results contract: key figures, the answer, their JSON and text
        ["ZoneGrowth.Regression", "ZoneGrowth.Audit"],  // least squares and trends; the consistency audit of the data
        ["ZoneGrowth.Forecasting"],                     // growth models, Monte Carlo paths, fans, out-of-sample evaluation
        ["ZoneGrowth.Nowcast"],                         // the evidence model a target's outlook asks
        ["ZoneGrowth.Targets"],                         // the target, its scenarios, assessment and outlook
    ];

    private static readonly Lazy<NamespaceGraph> Library = new(() =>
    {
        string path = typeof(WorkbookPaths).Assembly.Location;
        return NamespaceGraph.Of(TypeUses.Read(path), TypeUses.DefinedNamespaces(path), Root);
    });

    [Fact]
    public void No_two_areas_of_the_library_use_each_other_even_through_others()
    {
        var graph = Library.Value;

        Assert.True(graph.Cycles().Count == 0, $"Namespace cycles in lib/ZoneGrowth (each with one use that makes each edge):{Environment.NewLine}{graph.DescribeCycles()}");
    }

    [Fact]
    public void Every_area_uses_only_the_layers_below_it()
    {
        var upward = Library.Value.UpwardEdges(Layers);

        Assert.True(upward.Count == 0, $"Uses against the layer order of lib/ZoneGrowth (bottom first: {string.Join(" < ", Layers.Select(l => string.Join(", ", l)))}):{Environment.NewLine}{string.Join(Environment.NewLine, upward)}");
    }

    [Fact]
    public void The_layer_list_names_each_area_of_the_library_once()
    {
        var listed = Layers.SelectMany(l => l).ToList();
        var areas = Library.Value.Areas;
        var unlisted = areas.Except(listed).Order(StringComparer.Ordinal).ToList();
        var gone = listed.Except(areas).Order(StringComparer.Ordinal).ToList();

        Assert.True(unlisted.Count == 0, $"Namespaces of lib/ZoneGrowth with no layer: {string.Join(", ", unlisted)}. Give each its place in {nameof(Layers)} (and docs/library.md).");
        Assert.True(gone.Count == 0, $"Layers name namespaces lib/ZoneGrowth no longer has: {string.Join(", ", gone)}.");
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    // The reader and the rules, on sample namespaces of this test assembly (below): they have to see what they guard.
    private const string SampleRoot = "ZoneGrowth.Tests.Architecture.Samples";

    private static readonly Lazy<NamespaceGraph> Samples = new(() =>
    {
        string path = typeof(NamespaceLayeringTests).Assembly.Location;
        return NamespaceGraph.Of(TypeUses.Read(path), TypeUses.DefinedNamespaces(path), SampleRoot);
    });

    [Theory]
    [InlineData("ByAttributeArgument", "ByAttributeArgument.Holder uses ZoneGrowth.Tests.Architecture.Samples.Used.Marker (an argument of an attribute on the type)")]
    [InlineData("ByBaseType", "ByBaseType.Holder uses ZoneGrowth.Tests.Architecture.Samples.Used.Base (its base type)")]
    [InlineData("ByInterface", "ByInterface.Holder uses ZoneGrowth.Tests.Architecture.Samples.Used.IMarked (an interface it implements)")]
    [InlineData("BySignature", "BySignature.Holder uses ZoneGrowth.Tests.Architecture.Samples.Used.Marker (the signature of Take)")]
    [InlineData("ByBody", "ByBody.Holder uses ZoneGrowth.Tests.Architecture.Samples.Used.Marker (the body of Make)")]
    [InlineData("ByGenericArgument", "ByGenericArgument.Holder uses ZoneGrowth.Tests.Architecture.Samples.Used.Marker (the body of Count)")]
    [InlineData("ByCast", "ByCast.Holder uses ZoneGrowth.Tests.Architecture.Samples.Used.Marker (the body of IsMarker)")]
    [InlineData("ByLambda", "ByLambda.Holder+<>c uses ZoneGrowth.Tests.Architecture.Samples.Used.Marker (the body of <Counter>b__0_0)")]
    public void The_reader_sees_a_use_of_each_kind(string area, string use)
    {
        var edges = Samples.Value.Edges;

        Assert.True(edges.TryGetValue(($"{SampleRoot}.{area}", $"{SampleRoot}.Used"), out var found), $"{area} -> Used not found");
        Assert.Equal($"{SampleRoot}.{use}", found.ToString());
    }

    [Fact]
    public void A_sub_namespace_is_part_of_its_area_and_the_root_s_own_namespace_is_an_area()
    {
        var graph = Samples.Value;

        Assert.Contains(SampleRoot, graph.Areas);
        Assert.DoesNotContain($"{SampleRoot}.Used.Inner", graph.Areas);
        Assert.True(graph.Edges.ContainsKey((SampleRoot, $"{SampleRoot}.Used")));
        Assert.Equal($"{SampleRoot}.Used.Inner.Deeper uses {SampleRoot}.CycleA.First (the body of Wrap)", graph.Edges[($"{SampleRoot}.Used", $"{SampleRoot}.CycleA")].ToString());
    }

    [Fact]
    public void A_cycle_is_named_with_a_use_on_each_edge()
    {
        var described = Samples.Value.DescribeCycles();

        Assert.Contains(
            $"{SampleRoot}.CycleA -> {SampleRoot}.CycleB -> {SampleRoot}.CycleA{Environment.NewLine}"
            + $"    {SampleRoot}.CycleA -> {SampleRoot}.CycleB: {SampleRoot}.CycleA.First uses {SampleRoot}.CycleB.Second (the body of Next){Environment.NewLine}"
            + $"    {SampleRoot}.CycleB -> {SampleRoot}.CycleA: {SampleRoot}.CycleB.Second uses {SampleRoot}.CycleA.First (an argument of an attribute on the type){Environment.NewLine}",
            described);
    }

    [Fact]
    public void A_use_going_up_the_layers_is_named_before_it_closes_a_cycle()
    {
        string used = $"{SampleRoot}.Used";
        string byBody = $"{SampleRoot}.ByBody";
        string byCast = $"{SampleRoot}.ByCast";
        var upward = Samples.Value.UpwardEdges([[byBody], [used, $"{SampleRoot}.CycleA"], [byCast]]);

        Assert.Contains($"{byBody} (layer 1) may not use {used} (layer 2), a layer above it: {SampleRoot}.ByBody.Holder uses {used}.Marker (the body of Make)", upward);
        Assert.Contains($"{used} may not use {SampleRoot}.CycleA, another area of its layer (2): {used}.Inner.Deeper uses {SampleRoot}.CycleA.First (the body of Wrap)", upward);
        Assert.DoesNotContain(upward, u => u.StartsWith(byCast, StringComparison.Ordinal));
    }
}
