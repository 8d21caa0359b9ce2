using System.CommandLine;
using Harrier.Cli;
using Harrier.Client;
using Harrier.Scanning;

namespace Harrier.Commands;

/// <summary>
/// <c>harrier scan URL</c>: a one-shot scan with no server to install. A private Harrier server starts in-process on a
/// temporary SQLite directory, the scan is launched through the same API (<c>scans/new</c>) and watched, the reports
/// are fetched from <c>scans/report</c>, then everything is stopped and deleted.
/// </summary>
internal static class ScanCommand
{
    public const string ExitCodeHelp =
        "Exit codes: 0 the scan completed with no issue at or above --fail-on (or no --fail-on); "
        + "1 it found issues at or above --fail-on; 2 usage error (bad option, URL, config file or output path); "
        + "3 the scan failed or was cancelled (e.g. the target is unreachable); 130 interrupted (Ctrl-C).";

    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(500);

    public static Command Create()
    {
        var url = new Argument<string?>("URL") { Description = "The URL to scan (http or https).", Arity = ArgumentArity.ZeroOrOne };
        var launch = new LaunchOptions();
        var reports = new ReportOutputOptions();
        var failOn = ArgumentParsers.FailOn();
        var agents = new Option<int>("--agents") { Description = "Scan agents to run in-process.", HelpName = "N", DefaultValueFactory = _ => 1 };
        ArgumentParsers.Range(agents, 1, 64);
        var command = new Command("scan", "Scan a web application once, without a server: progress on stderr, reports into files, "
            + "a summary on stdout, and an exit code for CI. " + ExitCodeHelp);
        command.Arguments.Add(url);
        launch.AddTo(command);
        reports.AddTo(command);
        command.Options.Add(failOn);
        command.Options.Add(agents);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var request = launch.Build(parseResult, parseResult.GetValue(url));
            var targets = reports.Resolve(parseResult);
            return await RunAsync(request, targets, parseResult.GetValue(failOn), parseResult.GetValue(agents), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        LaunchRequest request, IReadOnlyList<ReportTarget> targets, Core.Scans.Severity? failOn, int agents, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        await Console.Error.WriteLineAsync($"harrier: starting an in-process server with {agents} agent(s) to scan {request.Model.TargetUri}");
        var server = await EmbeddedServer.StartAsync(agents, cancellationToken);
        await using (server)
        {
            using var client = HarrierApiClient.Create(server.Connection, useProxy: false);
            var model = await LaunchOptions.ResolvePolicyAsync(request, client, cancellationToken);
            var launched = await client.NewScanAsync(model, cancellationToken);
            var scanId = launched.Id ?? throw new CliException("The server returned a scan without an id.", ExitCodes.ScanFailed);
            var watcher = new ScanWatcher(client, ScanProgress.ForConsole(time), time);
            var scan = await watcher.WaitAsync(scanId, s_pollInterval, timeout: null, cancellationToken);
            return await ScanResults.ReportAsync(client, scan, targets, failOn, cancellationToken);
        }
    }
}
