namespace ZoneGrowth.Notebooks;

/// <summary>A parameter passed to a notebook is unknown, mistyped, or the notebook has no parameters cell.</summary>
public sealed class NotebookParameterException : Exception
{
    /// <summary>Creates the exception with a message meant for the person running the notebook.</summary>
    public NotebookParameterException(string message) : base(message) { }
}
