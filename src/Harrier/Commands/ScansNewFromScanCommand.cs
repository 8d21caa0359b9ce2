using System.CommandLine;
using Harrier.Cli;
using Harrier.Client;

namespace Harrier.Commands;

/// <summary><c>harrier scans newfromscan ID</c>: relaunch with the same configuration (<c>POST scans/newfromscan</c>); prints the new id.</summary>
internal static class ScansNewFromScanCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var id = ArgumentParsers.ScanId("The scan whose configuration to launch again.");
        var command = new Command("newfromscan", "Launch a new scan with the same configuration as scan ID and print the new id "
            + "(alone on stdout: NEW=$(harrier scans newfromscan ID)).");
        command.Arguments.Add(id);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = HarrierApiClient.Create(connection.Resolve(parseResult));
            var scan = await client.NewFromScanAsync(parseResult.GetValue(id), cancellationToken);
            Console.WriteLine(scan.Id?.ToString("D"));
            return 0;
        });
        return command;
    }
}
