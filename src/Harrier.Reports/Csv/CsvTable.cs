using Harrier.Reports.Formatting;

namespace Harrier.Reports.Csv;

/// <summary>A plain table as CSV with the chosen separator, escaped like every Harrier CSV (quoting, CSV injection).</summary>
public static class CsvTable
{
    public static void Write(Stream output, char separator, IEnumerable<IEnumerable<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = CsvOutput.CreateWriter(output);
        var csv = new CsvOutput(writer, separator);
        foreach (var row in rows)
        {
            csv.Row(row);
        }
    }
}
