using System.Text;

namespace Harrier.Reports.Tests;

/// <summary>Runs a writer into memory and returns its UTF-8 text.</summary>
internal static class Render
{
    public static string Text(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        var bytes = stream.ToArray();
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "No byte-order mark.");
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
    }

    public static string Report(ReportDocument document, ReportType type, ReportFormat format, ReportOptions? options = null) =>
        Text(stream => ReportWriter.Write(document, type, format, options ?? ReportOptions.Default, stream));
}
