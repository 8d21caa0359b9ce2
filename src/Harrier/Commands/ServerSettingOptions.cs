using System.CommandLine;

namespace Harrier.Commands;

/// <summary>
/// The flags of <c>serve</c> (and <c>users create</c>) that are settings: each sets a configuration key, so it can also
/// come from <c>appsettings.json</c> or a <c>Harrier__…</c> variable, and the flag wins over both.
/// </summary>
internal sealed class ServerSettingOptions
{
    private readonly (Option<string?> Option, string Key)[] _settings =
    [
        (new Option<string?>("--urls") { Description = "Listen addresses, ';'-separated (default http://127.0.0.1:5000).", HelpName = "URLS" }, "Harrier:Urls"),
        (new Option<string?>("--data-dir") { Description = "Data directory: SQLite database, keys, initial credentials (default ./harrier-data).", HelpName = "DIR" }, "Harrier:DataDir"),
        (new Option<string?>("--database") { Description = "PostgreSQL connection string (default: the embedded SQLite database in --data-dir).", HelpName = "CONN" }, "Harrier:Database:ConnectionString"),
        (new Option<string?>("--agents") { Description = "In-process scan agents (default 2; 0 = API only).", HelpName = "N" }, "Harrier:Agents"),
    ];

    /// <summary>Adds the flags; <paramref name="hidden"/> ones are accepted but left out of the help.</summary>
    public void AddTo(Command command, params string[] hidden)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var (option, _) in _settings)
        {
            option.Hidden = hidden.Contains(option.Name, StringComparer.Ordinal);
            command.Options.Add(option);
        }
    }

    /// <summary>The configuration overrides of the flags given.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Overrides(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        foreach (var (option, key) in _settings)
        {
            if (parseResult.GetResult(option) is not null && parseResult.GetValue(option) is { } value)
            {
                yield return KeyValuePair.Create(key, (string?)value);
            }
        }
    }
}
