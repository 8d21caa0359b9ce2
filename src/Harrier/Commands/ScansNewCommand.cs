using System.CommandLine;
using Harrier.Client;

namespace Harrier.Commands;

/// <summary><c>harrier scans new URL [launch options]</c>: <c>POST scans/new</c>; prints the new scan's id alone on stdout.</summary>
internal static class ScansNewCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var url = new Argument<string?>("URL") { Description = "The URL to scan (http or https).", Arity = ArgumentArity.ZeroOrOne };
        var launch = new LaunchOptions();
        var command = new Command("new", "Launch a scan and print its id (alone on stdout, for ID=$(harrier scans new URL)).");
        command.Arguments.Add(url);
        launch.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var request = launch.Build(parseResult, parseResult.GetValue(url));
            using var client = HarrierApiClient.Create(connection.Resolve(parseResult));
            var model = await LaunchOptions.ResolvePolicyAsync(request, client, cancellationToken);
            var scan = await client.NewScanAsync(model, cancellationToken);
            Console.WriteLine(scan.Id?.ToString("D"));
            return 0;
        });
        return command;
    }
}
