using System.Globalization;
using System.Text.RegularExpressions;

namespace Harrier.TestTargets.Simulation;

/// <summary>
/// Reads the delay a time-based payload asks for. Nothing is executed: the number in the payload drives a
/// <c>Task.Delay</c>, which the caller bounds with <see cref="TestTargetOptions.MaxInjectedDelay"/>.
/// </summary>
internal static partial class DelayPayloads
{
    /// <summary>Seconds requested by SQL delay functions (MySQL, PostgreSQL, SQL Server, Oracle), or 0.</summary>
    public static double SqlSeconds(string value)
    {
        if (SqlSleep().Match(value) is { Success: true } sleep)
        {
            return Seconds(sleep.Groups["s"].Value);
        }

        if (WaitFor().Match(value) is { Success: true } waitFor)
        {
            return (Seconds(waitFor.Groups["h"].Value) * 3600) + (Seconds(waitFor.Groups["m"].Value) * 60) + Seconds(waitFor.Groups["s"].Value);
        }

        return OracleSleep().Match(value) is { Success: true } oracle ? Seconds(oracle.Groups["s"].Value) : 0;
    }

    /// <summary>Seconds requested by a shell delay (<c>sleep N</c>, <c>ping -c N</c>, <c>ping -n N</c>, <c>timeout N</c>), or 0.</summary>
    public static double ShellSeconds(string command)
    {
        if (ShellSleep().Match(command) is { Success: true } sleep)
        {
            return Seconds(sleep.Groups["s"].Value);
        }

        // ping -n N waits about N-1 seconds between N echoes; close enough for a simulation.
        return Ping().Match(command) is { Success: true } ping ? Math.Max(0, Seconds(ping.Groups["s"].Value) - 1) : 0;
    }

    private static double Seconds(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : 0;

    [GeneratedRegex(@"\b(?:sleep|pg_sleep)\s*\(\s*(?<s>\d{1,4}(?:\.\d{1,3})?)\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SqlSleep();

    [GeneratedRegex(@"\bwaitfor\s+delay\s+'(?<h>\d{1,2}):(?<m>\d{1,2}):(?<s>\d{1,2}(?:\.\d{1,3})?)'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WaitFor();

    [GeneratedRegex(@"\bdbms_(?:lock\.sleep\s*\(|pipe\.receive_message\s*\(\s*\(?\s*'[^']*'\s*\)?\s*,)\s*(?<s>\d{1,4}(?:\.\d{1,3})?)\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OracleSleep();

    [GeneratedRegex(@"(?:^|[\s;|&`(])(?:sleep|timeout(?:\s+/t)?)\s+(?<s>\d{1,4}(?:\.\d{1,3})?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShellSleep();

    [GeneratedRegex(@"\bping\s+(?:-[cn]\s+(?<s>\d{1,3})\s+\S+|\S+\s+-[cn]\s+(?<s>\d{1,3}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ping();
}
