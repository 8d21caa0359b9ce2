namespace Harrier.Engine.Checks;

/// <summary>Reads the embedded data files under <c>Payloads/</c>: one entry per line, '#' starts a comment line, blank lines skipped.</summary>
internal static class PayloadFile
{
    public static IReadOnlyList<string> ReadLines(string fileName)
    {
        var resource = "Harrier.Engine.Payloads." + fileName;
        using var stream = typeof(PayloadFile).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("Embedded payload file " + resource + " is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
