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
