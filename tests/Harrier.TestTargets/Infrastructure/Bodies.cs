using System.Text;

namespace Harrier.TestTargets.Infrastructure;

/// <summary>Reads small request bodies as text (capped, so a fuzzer cannot exhaust memory).</summary>
internal static class Bodies
{
    private const int MaxChars = 256 * 1024;

    public static async Task<string> ReadTextAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[4096];
        var text = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0 && text.Length < MaxChars)
        {
            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    /// <summary>The form fields, or an empty form when the body is not (valid) form data: never a 500 for a fuzzed body.</summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return FormCollection.Empty;
        }

        try
        {
            return await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return FormCollection.Empty;
        }
    }
}
