using System.Globalization;
using System.Text.RegularExpressions;

namespace Harrier.Bench;

/// <summary>The plain load generator: Debian's <c>wrk</c>, with the same connection count as the scanner's cap.</summary>
internal static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(string wrk, Uri url, int connections, int seconds)
    {
        await using var child = ChildProcess.Start(wrk,
            ["-t2", "-c" + connections.ToString(CultureInfo.InvariantCulture), "-d" + seconds.ToString(CultureInfo.InvariantCulture) + "s", "--latency", url.AbsoluteUri]);
        var exit = await child.WaitForExitAsync(TimeSpan.FromSeconds(seconds + 30));
        var output = child.Output;
        var rps = RequestsPerSecond().Match(output);
        if (exit != 0 || !rps.Success)
        {
            throw new InvalidOperationException("wrk failed: " + output);
        }

        return new WrkResult(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Latency(output, "50%"),
            Latency(output, "90%"),
            Latency(output, "99%"));
    }

    private static double Latency(string output, string label)
    {
        var match = Regex.Match(output, @"^\s*" + Regex.Escape(label) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "s" => value * 1000,
            _ => value,
        };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();
}
