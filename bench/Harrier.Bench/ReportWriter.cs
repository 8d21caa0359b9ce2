using System.Globalization;
using System.Text;

namespace Harrier.Bench;

/// <summary>Markdown tables: per scenario, each figure as the median with the range over the runs, and the load averages.</summary>
internal static class ReportWriter
{
    public static string Render(IReadOnlyList<ScenarioResult> results, int runs, int pages, int delayMs, int concurrency, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Harrier scan benchmark — {Environment.ProcessorCount} CPUs, {runs} runs per scenario, {pages} generated pages, " +
            $"slow target delay {delayMs} ms, scanner cap {concurrency} connections, 0 req/s limit; suite took {elapsed.TotalMinutes:F1} min.");
        text.AppendLine("Each cell: median [min–max] over the runs. Load: 1/5/15-min load average at the start of each run.");
        foreach (var section in results.GroupBy(r => r.Section))
        {
            text.AppendLine();
            text.AppendLine("### " + section.Key);
            foreach (var result in section)
            {
                var columns = Columns.Order.Where(c => result.Runs.Any(r => r.Values.ContainsKey(c))).ToList();
                text.AppendLine();
                text.AppendLine(culture, $"**{result.Name}** ({result.Kind}, {result.Runs.Count} runs)");
                text.AppendLine();
                text.AppendLine("| " + string.Join(" | ", columns) + " |");
                text.AppendLine("|" + string.Concat(columns.Select(_ => "---|")));
                text.AppendLine("| " + string.Join(" | ", columns.Select(c => Cell(result.Runs, c))) + " |");
                text.AppendLine();
                text.AppendLine("Load: " + string.Join("; ", result.Runs.Select(r => r.LoadAverage)));
                if (result.Note is not null)
                {
                    text.AppendLine();
                    text.AppendLine(result.Note);
                }
            }
        }

        return text.ToString();
    }

    private static string Cell(IReadOnlyList<Measurement> runs, string column)
    {
        var values = runs.Select(r => r.Values.GetValueOrDefault(column, double.NaN)).Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length == 0)
        {
            return "—";
        }

        var median = Stats.Median(values);
        return values.Length == 1 ? Format(median) : $"{Format(median)} [{Format(values.Min())}–{Format(values.Max())}]";
    }

    private static string Format(double value) => value switch
    {
        >= 100 => value.ToString("F0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.ToString("F2", CultureInfo.InvariantCulture),
    };
}
