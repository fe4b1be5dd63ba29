using System.Text.Json.Serialization;

namespace ZoneGrowth.Publishing;

/// <summary>
/// One key figure of a notebook: what <c>ZoneGrowth.Display.Results.Publish</c> displays and what the runner's
/// results collector reads back from the executed notebook, in the JSON form of <see cref="PublicationContract"/>
/// (also the form of each entry of <c>results.json</c>).
/// </summary>
/// <param name="NotebookKey">The notebook's key, e.g. <c>03-target</c> (survives renaming the file).</param>
/// <param name="Name">The figure's name, unique within the notebook, e.g. <c>p_met</c>.</param>
/// <param name="Value">The figure (finite).</param>
/// <param name="Low">The lower end of its interval, or <c>null</c>.</param>
/// <param name="High">The upper end of its interval, or <c>null</c>.</param>
/// <param name="Unit">The unit of value, low and high, e.g. <c>亿元</c>, <c>probability</c>, <c>per year</c>
/// (<see cref="KeyFigureText"/> formats by it).</param>
/// <param name="Description">One sentence saying what the figure is.</param>
/// <param name="Interval">What low and high are (<see cref="IntervalKind.None"/> when there are none).</param>
[JsonConverter(typeof(PublishedResultJsonConverter))]
public sealed record PublishedResult(string NotebookKey, string Name, double Value, double? Low, double? High, string Unit, string Description, IntervalKind Interval = IntervalKind.None)
{
    /// <summary>Checks and builds a figure: the rules a publisher must follow, in one place.</summary>
    /// <exception cref="ArgumentException">An empty key or name, a value or bound that is not finite, or an interval without its kind (or a kind without an interval).</exception>
    public static PublishedResult Create(string notebookKey, string name, double value, double? low, double? high, string unit, string description, IntervalKind interval = IntervalKind.None)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(description);
        if (string.IsNullOrWhiteSpace(notebookKey))
        {
            throw new ArgumentException(PublicationMessages.EmptyText("notebook key", notebookKey), nameof(notebookKey));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException(PublicationMessages.EmptyText("name", name), nameof(name));
        }

        Finite(value, nameof(value), name);
        Finite(low, nameof(low), name);
        Finite(high, nameof(high), name);
        if ((low is null && high is null) != (interval == IntervalKind.None))
        {
            throw new ArgumentException(PublicationMessages.IntervalKind(name, interval), nameof(interval));
        }

        return new PublishedResult(notebookKey, name, value, low, high, unit, description, interval);
    }

    private static void Finite(double? number, string field, string name)
    {
        if (number is { } v && !double.IsFinite(v))
        {
            throw new ArgumentException(PublicationMessages.NotFinite(name, field, v), field);
        }
    }
}
