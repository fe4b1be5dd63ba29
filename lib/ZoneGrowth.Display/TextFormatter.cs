using Microsoft.DotNet.Interactive.Formatting;

namespace ZoneGrowth.Display;

/// <summary>A formatter of one type for one mime type from a function to text; recognisable by its type, so registration can be idempotent.</summary>
/// <typeparam name="T">The type formatted.</typeparam>
internal sealed class TextFormatter<T>(string mimeType, Func<T, string> format) : ITypeFormatter
{
    public string MimeType { get; } = mimeType;

    public Type Type => typeof(T);

    public bool Format(object instance, FormatContext context)
    {
        if (instance is not T value)
        {
            return false;
        }

        context.Writer.Write(format(value));
        return true;
    }
}
