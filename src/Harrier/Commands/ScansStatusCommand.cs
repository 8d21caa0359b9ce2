using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Harrier.Cli;
using Harrier.Client;
using Harrier.Contracts.Serialization;
using Harrier.Scanning;

namespace Harrier.Commands;

/// <summary><c>harrier scans status ID</c>: a scan's state, phase, progress and findings (or <c>scans/status</c>'s JSON).</summary>
internal static class ScansStatusCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var id = ArgumentParsers.ScanId();
        var json = new Option<bool>("--json") { Description = "Print the API's ApiScanStatusModel JSON (scans/status) instead of text." };
        var command = new Command("status", "Show a scan's state, phase, progress and findings so far.");
        command.Arguments.Add(id);
        command.Options.Add(json);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = HarrierApiClient.Create(connection.Resolve(parseResult));
            var scanId = parseResult.GetValue(id);
            if (parseResult.GetValue(json))
            {
                var status = await client.StatusAsync(scanId, cancellationToken);
                Console.WriteLine(JsonSerializer.Serialize(status, InvictiJson.Options));
                return 0;
            }

            var scan = await client.DetailAsync(scanId, cancellationToken);
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"Scan      {scan.Id}"));
            Console.WriteLine(string.Create(c, $"Target    {scan.TargetUrl}"));
            Console.WriteLine(string.Create(c, $"State     {scan.State} (phase {scan.Phase}){(scan.FailureReason is null ? "" : " — " + ScanOutcome.FailureText(scan))}"));
            Console.WriteLine(string.Create(c, $"Progress  {scan.Percentage}%, {scan.CompletedSteps} of ~{Math.Max(scan.EstimatedSteps, scan.CompletedSteps)} requests, duration {scan.Duration}"));
            Console.WriteLine(string.Create(c, $"Findings  {ScanProgress.Findings(scan)}"));
            return 0;
        });
        return command;
    }
}
