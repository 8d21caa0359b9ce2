using System.Globalization;
using System.Text.RegularExpressions;

namespace Harrier.Bench;

/// <summary>The plain load generator: Debian's <c>wrk</c> (two threads), optionally with headers and a Lua script for POSTs.</summary>
internal static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(string wrk, Uri url, int connections, int seconds,
        IReadOnlyDictionary<string, string>? headers = null, string? luaScript = null)
    {
        List<string> arguments = ["-t2", "-c" + connections.ToString(CultureInfo.InvariantCulture), "-d" + seconds.ToString(CultureInfo.InvariantCulture) + "s", "--latency"];
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            arguments.AddRange(["-H", $"{name}: {value}"]);
        }

        if (luaScript is not null)
        {
            arguments.AddRange(["-s", luaScript]);
        }

        arguments.Add(url.AbsoluteUri);
        await using var child = ChildProcess.Start(wrk, arguments);
        var exit = await child.WaitForExitAsync(TimeSpan.FromSeconds(seconds + 30));
        var output = child.Output;
        var rps = RequestsPerSecond().Match(output);
        var total = TotalRequests().Match(output);
        if (exit != 0 || !rps.Success || !total.Success)
        {
            throw new InvalidOperationException("wrk failed: " + output);
        }

        var non2xx = Non2xx().Match(output);
        var socketErrors = SocketErrors().Match(output);
        return new WrkResult(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Latency(output, "50%"),
            Latency(output, "90%"),
            Latency(output, "99%"))
        {
            Requests = long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture),
            Non2xx = non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            SocketErrors = socketErrors.Success
                ? socketErrors.Groups.Cast<Group>().Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
                : 0,
        };
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

    [GeneratedRegex(@"(\d+) requests in ")]
    private static partial Regex TotalRequests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
