using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Harrier.Cli;
using Harrier.Client;
using Harrier.Contracts.Serialization;

namespace Harrier.Commands;

/// <summary><c>harrier scans list</c>: one page of <c>scans/list</c> (newest first) as a table, or the raw JSON.</summary>
internal static class ScansListCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var page = new Option<int>("--page") { Description = "Page number.", HelpName = "N", DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { Description = "Scans per page, 1–200.", HelpName = "N", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON (ScanTaskListApiResult) instead of a table." };
        ArgumentParsers.Range(page, 1, int.MaxValue);
        ArgumentParsers.Range(pageSize, 1, 200);
        var command = new Command("list", "List your scans, newest first.");
        command.Options.Add(page);
        command.Options.Add(pageSize);
        command.Options.Add(json);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = HarrierApiClient.Create(connection.Resolve(parseResult));
            var result = await client.ListAsync(parseResult.GetValue(page), parseResult.GetValue(pageSize), cancellationToken);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, InvictiJson.Options));
                return 0;
            }

            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"{"ID",-36}  {"STATE",-10}  {"INITIATED (UTC)",-16}  {"C",3} {"H",3} {"M",3} {"L",3}  TARGET"));
            foreach (var scan in result.List)
            {
                Console.WriteLine(string.Create(c,
                    $"{scan.Id,-36}  {scan.State,-10}  {scan.InitiatedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", c),-16}  "
                    + $"{scan.VulnerabilityCriticalCount,3} {scan.VulnerabilityHighCount,3} {scan.VulnerabilityMediumCount,3} {scan.VulnerabilityLowCount,3}  {scan.TargetUrl}"));
            }

            Console.WriteLine(string.Create(c, $"Page {result.PageNumber} of {Math.Max(result.PageCount, 1)}, {result.TotalItemCount} scan(s)."));
            return 0;
        });
        return command;
    }
}
