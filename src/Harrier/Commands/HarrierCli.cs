using System.CommandLine;
using System.CommandLine.Invocation;
using Harrier.Cli;
using Harrier.Client;

namespace Harrier.Commands;

/// <summary>
/// The <c>harrier</c> command tree and the one place errors become exit codes: a user error is one
/// <c>harrier: message</c> line on stderr and exit 2 (or 3 for a failed scan or server), never a stack trace.
/// </summary>
internal static class HarrierCli
{
    private const string DebugVariable = "HARRIER_DEBUG";

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("harrier — self-hosted web application security scanner with an Invicti-compatible API.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AgentCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(ScanCommand.Create());
        root.Subcommands.Add(ScansCommand.Create());
        root.SetAction(parseResult => ShowHelp(parseResult, Console.Out, ExitCodes.Clean));

        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            var error = parseResult.Errors.Count > 0 ? parseResult.Errors[0].Message : "Invalid command line.";
            await Console.Error.WriteLineAsync($"harrier: {error.TrimEnd('.')}. See '{CommandPath(parseResult)} --help'.");
            return ExitCodes.Usage;
        }

        using var cancellation = new ConsoleCancellation();
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellation.Token);
        }
        catch (Exception ex)
        {
            var (exitCode, message) = Describe(ex, cancellation);
            await Console.Error.WriteLineAsync("harrier: " + message);
            if (Environment.GetEnvironmentVariable(DebugVariable) is { Length: > 0 })
            {
                await Console.Error.WriteLineAsync(ex.ToString());
            }

            return exitCode;
        }
    }

    /// <summary>The action of a command that only groups subcommands: its help on stderr, exit 2.</summary>
    public static int ShowHelpAsUsageError(ParseResult parseResult) => ShowHelp(parseResult, Console.Error, ExitCodes.Usage);

    private static int ShowHelp(ParseResult parseResult, TextWriter output, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var path = CommandPath(parseResult).Split(' ').Skip(1).Append("--help").ToArray();
        parseResult.RootCommandResult.Command.Parse(path).Invoke(new InvocationConfiguration { Output = output });
        return exitCode;
    }

    private static (int ExitCode, string Message) Describe(Exception ex, ConsoleCancellation cancellation) => ex switch
    {
        _ when cancellation.Token.IsCancellationRequested => (cancellation.ExitCode, "cancelled."),
        CliException cli => (cli.ExitCode, cli.Message),
        HarrierApiException api => (api.IsClientError ? ExitCodes.Usage : ExitCodes.ScanFailed, api.Message),
        HttpRequestException http => (ExitCodes.ScanFailed, "cannot reach the server: " + http.Message),
        TaskCanceledException => (ExitCodes.ScanFailed, "the server did not answer in time."),
        _ => (ExitCodes.ScanFailed, $"unexpected error: {ex.Message} (set {DebugVariable}=1 for details)"),
    };

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "harrier" : result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
