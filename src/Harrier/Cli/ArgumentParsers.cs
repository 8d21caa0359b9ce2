using System.CommandLine;
using System.Globalization;
using Harrier.Core.Scans;

namespace Harrier.Cli;

/// <summary>Parsers that turn a bad value into a one-line parse error (exit 2) instead of a type-name message.</summary>
internal static class ArgumentParsers
{
    /// <summary>The severities <c>--fail-on</c> accepts, lowest first.</summary>
    public static readonly IReadOnlyList<string> FailOnValues = ["low", "medium", "high", "critical"];

    public static Argument<Guid> ScanId(string description = "The scan id (a GUID).") => new("ID")
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Guid.TryParse(text, out var id))
            {
                return id;
            }

            result.AddError($"'{text}' is not a scan id (a GUID such as 9c387292-1f9f-46d8-ba6d-4e6ecc7c4603).");
            return Guid.Empty;
        },
    };

    /// <summary>An option whose value is a member of <typeparamref name="T"/>, matched case-insensitively.</summary>
    public static Option<T?> Enum<T>(string name, string description)
        where T : struct, Enum => new(name)
        {
            Description = description + " One of: " + string.Join(", ", System.Enum.GetNames<T>()) + ".",
            HelpName = typeof(T).Name.ToUpperInvariant(),
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (!int.TryParse(text, out _) && System.Enum.TryParse<T>(text, ignoreCase: true, out var value))
                {
                    return value;
                }

                result.AddError($"'{text}' is not a valid {name} value; use one of {string.Join(", ", System.Enum.GetNames<T>())}.");
                return null;
            },
        };

    /// <summary><c>--fail-on low|medium|high|critical</c>.</summary>
    public static Option<Severity?> FailOn() => new("--fail-on")
    {
        Description = "Exit 1 when the scan found an issue of this severity or higher: low, medium, high or critical. Without it, a completed scan exits 0.",
        HelpName = "SEVERITY",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            switch (text.ToUpperInvariant())
            {
                case "LOW": return Severity.Low;
                case "MEDIUM": return Severity.Medium;
                case "HIGH": return Severity.High;
                case "CRITICAL": return Severity.Critical;
                default:
                    result.AddError($"'{text}' is not a valid --fail-on severity; use low, medium, high or critical.");
                    return null;
            }
        },
    };

    /// <summary>A positive number of seconds (fractions allowed) as a <see cref="TimeSpan"/>.</summary>
    public static Option<TimeSpan> Seconds(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description,
        HelpName = "SECONDS",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 86_400)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            result.AddError($"'{text}' is not a valid {name}; give a number of seconds between 0 and 86400.");
            return defaultValue;
        },
    };

    /// <summary>An integer option that must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static void Range(Option<int?> option, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && (value < min || value > max))
            {
                result.AddError($"{option.Name} must be between {min} and {max}.");
            }
        });
    }

    public static void Range(Option<int> option, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError($"{option.Name} must be between {min} and {max}.");
            }
        });
    }
}
