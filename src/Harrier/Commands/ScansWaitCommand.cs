using System.CommandLine;
using Harrier.Cli;
using Harrier.Client;
using Harrier.Scanning;

namespace Harrier.Commands;

/// <summary>
/// <c>harrier scans wait ID [--fail-on S]</c>: polls until the scan finishes, with a progress bar, then writes any reports
/// and exits like <c>harrier scan</c> (0 clean, 1 findings at or above the threshold, 3 failed or cancelled).
/// </summary>
internal static class ScansWaitCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var id = ArgumentParsers.ScanId();
        var failOn = ArgumentParsers.FailOn();
        var reports = new ReportOutputOptions();
        var interval = ArgumentParsers.Seconds("--poll-interval", "Seconds between status polls (default 2).", TimeSpan.FromSeconds(2));
        var timeout = new Option<int?>("--timeout") { Description = "Give up (exit 3) after this many minutes; the scan keeps running.", HelpName = "MINUTES" };
        ArgumentParsers.Range(timeout, 1, 525_600);
        var command = new Command("wait", "Wait for a scan to finish, showing its progress, then print a summary and exit by the result. "
            + "In a pipeline: ID=$(harrier scans newfromscan $BASELINE) && harrier scans wait $ID --fail-on high. " + ScanCommand.ExitCodeHelp);
        command.Arguments.Add(id);
        command.Options.Add(failOn);
        reports.AddTo(command);
        command.Options.Add(interval);
        command.Options.Add(timeout);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var targets = reports.Resolve(parseResult);
            var time = TimeProvider.System;
            using var client = HarrierApiClient.Create(connection.Resolve(parseResult));
            var watcher = new ScanWatcher(client, ScanProgress.ForConsole(time), time);
            var limit = parseResult.GetValue(timeout) is { } minutes ? TimeSpan.FromMinutes(minutes) : (TimeSpan?)null;
            var scan = await watcher.WaitAsync(parseResult.GetValue(id), parseResult.GetValue(interval), limit, cancellationToken);
            return await ScanResults.ReportAsync(client, scan, targets, parseResult.GetValue(failOn), cancellationToken);
        });
        return command;
    }
}
