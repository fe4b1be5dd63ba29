using System.Text;

namespace ZoneGrowth.Tests.Architecture;

/// <summary>
/// The graph of uses between the areas of an assembly under one root namespace: an area is the root's own namespace,
/// or one namespace directly below the root together with every namespace below it (so <c>ZoneGrowth.Data.Reading</c>
/// is part of <c>ZoneGrowth.Data</c>). Each edge keeps one use that makes it, for a failure message.
/// </summary>
internal sealed class NamespaceGraph
{
    private NamespaceGraph(string root, IReadOnlySet<string> areas, IReadOnlyDictionary<(string From, string To), TypeUse> edges)
    {
        Root = root;
        Areas = areas;
        Edges = edges;
    }

    /// <summary>The root namespace, such as <c>ZoneGrowth</c>.</summary>
    public string Root { get; }

    /// <summary>Every area that defines a type.</summary>
    public IReadOnlySet<string> Areas { get; }

    /// <summary>Each area that uses another, with the first use in name order that makes the edge.</summary>
    public IReadOnlyDictionary<(string From, string To), TypeUse> Edges { get; }

    /// <summary>The graph of <paramref name="uses"/> between types under <paramref name="root"/>; other types are left out.</summary>
    public static NamespaceGraph Of(IEnumerable<TypeUse> uses, IEnumerable<string> definedNamespaces, string root)
    {
        var areas = definedNamespaces.Select(n => AreaOf(n, root)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var edges = new Dictionary<(string, string), TypeUse>();
        foreach (var use in uses.OrderBy(u => u.User, StringComparer.Ordinal).ThenBy(u => u.Used, StringComparer.Ordinal).ThenBy(u => u.Where, StringComparer.Ordinal))
        {
            if (AreaOf(use.UserNamespace, root) is { } from && AreaOf(use.UsedNamespace, root) is { } to && from != to)
            {
                edges.TryAdd((from, to), use);
            }
        }

        return new NamespaceGraph(root, areas, edges);
    }

    /// <summary>The area of a namespace: the root itself, or the root and the next segment; null outside the root.</summary>
    public static string? AreaOf(string space, string root)
    {
        if (space == root)
        {
            return root;
        }

        if (!space.StartsWith(root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        int end = space.IndexOf('.', root.Length + 1);
        return end < 0 ? space : space[..end];
    }

    /// <summary>
    /// Every cycle the edges make, each as its areas in order with the first repeated at the end (it starts at the
    /// least area in ordinal order): for each edge inside a strongly connected component, the shortest way back.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var next = Edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var found = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (from, to) in Edges.Keys)
        {
            if (ShortestPath(to, from, next) is not { } back)
            {
                continue;
            }

            List<string> cycle = [from, .. back];
            cycle.RemoveAt(cycle.Count - 1); // the path ends where the cycle began
            int start = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
            List<string> rotated = [.. cycle[start..], .. cycle[..start], cycle[start]];
            found.TryAdd(string.Join(" -> ", rotated), rotated);
        }

        return [.. found.Values];
    }

    /// <summary>Each cycle in words, with the use that makes each of its edges.</summary>
    public string DescribeCycles()
    {
        var text = new StringBuilder();
        foreach (var cycle in Cycles())
        {
            text.AppendLine(string.Join(" -> ", cycle));
            for (int i = 0; i + 1 < cycle.Count; i++)
            {
                text.AppendLine($"    {cycle[i]} -> {cycle[i + 1]}: {Edges[(cycle[i], cycle[i + 1])]}");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Each edge that does not go down the <paramref name="layers"/> (listed bottom first; an area may use only the
    /// areas of lower layers, so two areas of one layer stay apart), in words with the use that makes it.
    /// </summary>
    public IReadOnlyList<string> UpwardEdges(IReadOnlyList<IReadOnlyList<string>> layers)
    {
        var layerOf = layers.SelectMany((areas, index) => areas.Select(a => (Area: a, Index: index))).ToDictionary(x => x.Area, x => x.Index);
        return
        [
            .. Edges
                .Where(e => layerOf.ContainsKey(e.Key.From) && layerOf.ContainsKey(e.Key.To) && layerOf[e.Key.From] <= layerOf[e.Key.To])
                .OrderBy(e => e.Key.From, StringComparer.Ordinal)
                .ThenBy(e => e.Key.To, StringComparer.Ordinal)
                .Select(e => layerOf[e.Key.From] == layerOf[e.Key.To]
                    ? $"{e.Key.From} may not use {e.Key.To}, another area of its layer ({layerOf[e.Key.From] + 1}): {e.Value}"
                    : $"{e.Key.From} (layer {layerOf[e.Key.From] + 1}) may not use {e.Key.To} (layer {layerOf[e.Key.To] + 1}), a layer above it: {e.Value}"),
        ];
    }

    private static List<string>? ShortestPath(string from, string to, Dictionary<string, List<string>> next)
    {
        var cameFrom = new Dictionary<string, string?>(StringComparer.Ordinal) { [from] = null };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var area))
        {
            if (area == to)
            {
                var path = new List<string>();
                for (string? at = to; at is not null; at = cameFrom[at])
                {
                    path.Add(at);
                }

                path.Reverse();
                return path;
            }

            foreach (var onward in next.GetValueOrDefault(area) ?? [])
            {
                if (cameFrom.TryAdd(onward, area))
                {
                    queue.Enqueue(onward);
                }
            }
        }

        return null;
    }
}
