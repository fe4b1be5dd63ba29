namespace ZoneGrowth.Regression;

/// <summary>
/// The error raised when a regression or growth model cannot be fitted or queried honestly:
/// invalid input, a rank-deficient design, too few observations or an invalid option.
/// The message names what was found (column, series label, year), the rule it broke and what to do.
/// </summary>
public sealed class RegressionException : Exception
{
    /// <summary>Creates the exception with no message (prefer the constructor with a message).</summary>
    public RegressionException()
    {
    }

    /// <summary>Creates the exception with a message that says what was found, which rule it broke and what to do.</summary>
    /// <param name="message">The explanation shown to the caller.</param>
    public RegressionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The explanation shown to the caller.</param>
    /// <param name="innerException">The underlying cause.</param>
    public RegressionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
