using System.CommandLine;
using Harrier.Server.Hosting;

namespace Harrier.Commands;

/// <summary><c>harrier serve</c>: the API server and its in-process scan agents, until SIGTERM or Ctrl-C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var settings = new ServerSettingOptions();
        var command = new Command("serve", "Run the API server (and N in-process scan agents) on the embedded SQLite database in --data-dir. "
            + "Every option can also be set in appsettings.json or as an environment variable (Harrier__Urls, Harrier__DataDir, …); flags win.");
        settings.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) => await ServerErrors.AsUsageErrorsAsync(async () =>
        {
            var app = HarrierServer.Create([], settings.Overrides(parseResult));
            await using (app)
            {
                await HarrierServer.RunAsync(app, cancellationToken);
            }

            return 0;
        }));
        return command;
    }
}
