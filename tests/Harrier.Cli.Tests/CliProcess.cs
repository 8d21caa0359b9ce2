using System.Diagnostics;
using System.Text;

namespace Harrier.Cli.Tests;

/// <summary>Runs the real <c>harrier</c> executable (<c>dotnet harrier.dll …</c>) with a clean environment and a deadline.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(90);

    /// <summary>Variables the CLI reads, removed so a developer's own settings never leak into a test.</summary>
    private static readonly string[] s_cleared =
        ["HARRIER_SERVER", "HARRIER_USER_ID", "HARRIER_API_TOKEN", "HARRIER_BOOTSTRAP_USER_ID", "HARRIER_BOOTSTRAP_API_TOKEN", "HARRIER_DEBUG"];

    public static async Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "harrier.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in s_cleared)
        {
            start.Environment.Remove(name);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Harrier__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(s_deadline, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"harrier {string.Join(' ', args)} did not exit within {s_deadline}.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>What a harrier process printed and how it exited.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => new StringBuilder()
        .Append("exit ").Append(ExitCode).AppendLine()
        .AppendLine("--- stdout ---").AppendLine(Stdout)
        .AppendLine("--- stderr ---").AppendLine(Stderr)
        .ToString();
}
