using System.CommandLine;
using Harrier.Cli;
using Harrier.Client;
using Harrier.Core.Scans;

namespace Harrier.Commands;

/// <summary><c>harrier scans cancel ID</c>: <c>POST scans/cancel</c>; prints the result (<c>Ok</c>, <c>ScanCompleted</c>, …).</summary>
internal static class ScansCancelCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var id = ArgumentParsers.ScanId();
        var command = new Command("cancel", "Cancel a queued or running scan. Prints the server's answer: Ok, or why not "
            + "(ScanCompleted, ScanFailed, ScanCancelled: already finished, exit 0; ScanNotFound: exit 2).");
        command.Arguments.Add(id);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var client = HarrierApiClient.Create(connection.Resolve(parseResult));
            var result = await client.CancelAsync(parseResult.GetValue(id), cancellationToken);
            Console.WriteLine(result);
            return result switch
            {
                ScanControlResult.Ok or ScanControlResult.ScanCompleted or ScanControlResult.ScanFailed or ScanControlResult.ScanCancelled => ExitCodes.Clean,
                _ => ExitCodes.Usage,
            };
        });
        return command;
    }
}
