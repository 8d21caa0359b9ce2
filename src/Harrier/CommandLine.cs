namespace Harrier;

/// <summary>
/// The <c>harrier</c> command line: a command word, then <c>--flag value</c> pairs. Flags that are settings map onto
/// configuration keys, so every flag can also come from <c>appsettings.json</c> or a <c>Harrier__…</c> variable.
/// </summary>
internal sealed record CommandLine(IReadOnlyList<string> Command, IReadOnlyDictionary<string, string> Flags)
{
    /// <summary>Flags of <c>serve</c> (and <c>users</c>) and the configuration keys they set.</summary>
    public static readonly IReadOnlyDictionary<string, string> SettingFlags = new Dictionary<string, string>
    {
        ["urls"] = "Harrier:Urls",
        ["data-dir"] = "Harrier:DataDir",
        ["database"] = "Harrier:Database:ConnectionString",
        ["agents"] = "Harrier:Agents",
    };

    public static CommandLine Parse(string[] args)
    {
        var command = new List<string>();
        var flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                command.Add(arg);
                continue;
            }

            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                flags[name[..equals]] = name[(equals + 1)..];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                flags[name] = args[++i];
            }
            else
            {
                flags[name] = "true";
            }
        }

        return new CommandLine(command, flags);
    }

    public bool Has(string flag) => Flags.ContainsKey(flag);

    public string? Get(string flag) => Flags.TryGetValue(flag, out var value) ? value : null;

    /// <summary>The setting flags given, as configuration overrides; unknown flags are an error.</summary>
    public IEnumerable<KeyValuePair<string, string?>> SettingOverrides(IReadOnlySet<string> extraFlags)
    {
        foreach (var (flag, value) in Flags)
        {
            if (SettingFlags.TryGetValue(flag, out var key))
            {
                yield return KeyValuePair.Create(key, (string?)value);
            }
            else if (!extraFlags.Contains(flag))
            {
                throw new ArgumentException($"Unknown option --{flag}.");
            }
        }
    }
}
