using System.CommandLine;

namespace Harrier.Commands;

/// <summary><c>harrier scans …</c>: client commands against a running Harrier (or Invicti) server.</summary>
internal static class ScansCommand
{
    public static Command Create()
    {
        var connection = new ConnectionOptions();
        var scans = new Command("scans", "Launch, relaunch, watch, cancel and report scans on a running server "
            + "(--server/--user-id/--token or HARRIER_SERVER/HARRIER_USER_ID/HARRIER_API_TOKEN). "
            + "Server errors are printed with the server's message: exit 2 for bad input, 401 and 404; 3 when the server fails or cannot be reached.");
        connection.AddTo(scans);
        scans.Subcommands.Add(ScansNewCommand.Create(connection));
        scans.Subcommands.Add(ScansNewFromScanCommand.Create(connection));
        scans.Subcommands.Add(ScansListCommand.Create(connection));
        scans.Subcommands.Add(ScansStatusCommand.Create(connection));
        scans.Subcommands.Add(ScansWaitCommand.Create(connection));
        scans.Subcommands.Add(ScansCancelCommand.Create(connection));
        scans.Subcommands.Add(ScansReportCommand.Create(connection));
        scans.SetAction(HarrierCli.ShowHelpAsUsageError);
        return scans;
    }
}
