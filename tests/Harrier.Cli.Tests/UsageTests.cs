namespace Harrier.Cli.Tests;

/// <summary>Bad command lines exit 2 with one <c>harrier: …</c> line and no stack trace; every command has <c>--help</c>.</summary>
public sealed class UsageTests
{
    public static TheoryData<string[]> UsageErrors => new()
    {
        new[] { "scan" },
        new[] { "scan", "ftp://example.test/" },
        new[] { "scan", "http://127.0.0.1:9/", "--fail-on", "extreme" },
        new[] { "scan", "http://127.0.0.1:9/", "--scope", "Everything" },
        new[] { "scan", "http://127.0.0.1:9/", "--header", "NoColonHere" },
        new[] { "scan", "http://127.0.0.1:9/", "--exclude", "(unclosed" },
        new[] { "scan", "http://127.0.0.1:9/", "--config", "/nonexistent/harrier-scan.json" },
        new[] { "scan", "http://127.0.0.1:9/", "--format", "pdf" },
        new[] { "scan", "http://127.0.0.1:9/", "--output", "/nonexistent/dir/report.sarif" },
        new[] { "scan", "http://127.0.0.1:9/", "--output", "report.unknown" },
        new[] { "scan", "http://127.0.0.1:9/", "--format", "json", "--format", "csv" },
        new[] { "scan", "http://127.0.0.1:9/", "--auth-user", "alice" },
        new[] { "scan", "http://127.0.0.1:9/", "--auth-basic", "no-colon" },
        new[] { "scan", "http://127.0.0.1:9/", "--max-duration", "0" },
        new[] { "scan", "http://127.0.0.1:9/", "--agents", "0" },
        new[] { "scans", "status", "not-a-guid", "--token", "t" },
        new[] { "scans", "list" },
        new[] { "scans", "list", "--token", "t", "--server", "not a url" },
        new[] { "scans", "wait", "9c387292-1f9f-46d8-ba6d-4e6ecc7c4603", "--token", "t", "--poll-interval", "-1" },
        new[] { "scans" },
        new[] { "users", "create", "--name", "Dana" },
        new[] { "serve", "--no-such-flag" },
        new[] { "bogus" },
    };

    public static TheoryData<string[]> Commands => new()
    {
        Array.Empty<string>(),
        new[] { "serve" },
        new[] { "users" },
        new[] { "users", "create" },
        new[] { "scan" },
        new[] { "scans" },
        new[] { "scans", "new" },
        new[] { "scans", "newfromscan" },
        new[] { "scans", "list" },
        new[] { "scans", "status" },
        new[] { "scans", "wait" },
        new[] { "scans", "cancel" },
        new[] { "scans", "report" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task UsageError_Exits2_WithOneMessageAndNoStackTrace(string[] args)
    {
        var result = await CliProcess.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        if (args is not ["scans"])
        {
            Assert.StartsWith("harrier: ", result.Stderr, StringComparison.Ordinal);
            Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_OnEveryCommand_Exits0_WithUsage(string[] command)
    {
        var result = await CliProcess.RunAsync([.. command, "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanHelp_DocumentsTheExitCodes()
    {
        var result = await CliProcess.RunAsync(["scan", "--help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var text in new[] { "Exit codes", "--fail-on", "--format", "--output", "--config", "--header", "--exclude" })
        {
            Assert.Contains(text, result.Stdout, StringComparison.Ordinal);
        }
    }
}
