using System.CommandLine;
using Harrier.Cli;
using Harrier.Client;

namespace Harrier.Commands;

/// <summary><c>--server</c>, <c>--user-id</c>, <c>--token</c> (or <c>HARRIER_SERVER</c>, <c>HARRIER_USER_ID</c>, <c>HARRIER_API_TOKEN</c>).</summary>
internal sealed class ConnectionOptions
{
    public const string ServerVariable = "HARRIER_SERVER";
    public const string UserIdVariable = "HARRIER_USER_ID";
    public const string TokenVariable = "HARRIER_API_TOKEN";

    private readonly Option<string?> _server = new("--server")
    {
        Description = $"The Harrier server's base URL (default ${ServerVariable}, else {ServerConnection.DefaultServer}).",
        HelpName = "URL",
        Recursive = true,
    };

    private readonly Option<string?> _userId = new("--user-id")
    {
        Description = $"Your API user id (default ${UserIdVariable}; may be omitted: the token alone authenticates).",
        HelpName = "ID",
        Recursive = true,
    };

    private readonly Option<string?> _token = new("--token")
    {
        Description = $"Your API token (default ${TokenVariable}; prefer the variable, a flag shows in the process list).",
        HelpName = "TOKEN",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_server);
        command.Options.Add(_userId);
        command.Options.Add(_token);
    }

    public ServerConnection Resolve(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var server = FirstSet(parseResult.GetValue(_server), Environment.GetEnvironmentVariable(ServerVariable)) ?? ServerConnection.DefaultServer;
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"--server '{server}' is not an absolute http or https URL.");
        }

        if (!uri.AbsolutePath.EndsWith('/'))
        {
            uri = new Uri(uri.AbsoluteUri + "/");
        }

        var token = FirstSet(parseResult.GetValue(_token), Environment.GetEnvironmentVariable(TokenVariable))
            ?? throw new CliException($"An API token is required: --token or ${TokenVariable}.");
        var userId = FirstSet(parseResult.GetValue(_userId), Environment.GetEnvironmentVariable(UserIdVariable));
        return new ServerConnection(uri, userId, token);
    }

    private static string? FirstSet(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
