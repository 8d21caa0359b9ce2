using System.CommandLine;
using Harrier.Server.Hosting;
using Harrier.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Harrier.Commands;

/// <summary><c>harrier users create</c>: adds an API user to the server's database and prints its credentials once.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var users = new Command("users", "Manage API users of the server's database.");
        users.Subcommands.Add(CreateUser());
        users.SetAction(HarrierCli.ShowHelpAsUsageError);
        return users;
    }

    private static Command CreateUser()
    {
        var name = new Option<string>("--name") { Description = "Display name.", HelpName = "NAME", Required = true };
        var email = new Option<string>("--email") { Description = "E-mail address.", HelpName = "EMAIL", Required = true };
        var settings = new ServerSettingOptions();
        var command = new Command("create", "Create an API user and print its user id and API token (the token is shown once).");
        command.Options.Add(name);
        command.Options.Add(email);
        settings.AddTo(command, "--urls", "--agents");
        command.SetAction(async (parseResult, cancellationToken) => await ServerErrors.AsUsageErrorsAsync(async () =>
        {
            var (userName, userEmail) = (parseResult.GetRequiredValue(name).Trim(), parseResult.GetRequiredValue(email).Trim());
            if (userName.Length == 0 || userEmail.Length == 0)
            {
                throw new ArgumentException("users create needs --name and --email.");
            }

            var app = HarrierServer.Create([], settings.Overrides(parseResult));
            await using (app)
            {
                await HarrierServer.InitializeAsync(app, cancellationToken);
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<HarrierDbContext>();
                var (id, token) = await UserAdministration.CreateUserAsync(db, TimeProvider.System, userName, userEmail, isAdmin: false, cancellationToken: cancellationToken);
                Console.WriteLine($"User ID:   {id}");
                Console.WriteLine($"API token: {token}");
            }

            return 0;
        }));
        return command;
    }
}
