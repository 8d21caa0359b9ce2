using Harrier.Core.Scans;

namespace Harrier.Core.Findings;

/// <summary>
/// One vulnerability a check reported. The engine produces it; the agent stores it as it comes.
/// Two findings with the same <see cref="Fingerprint"/> are the same issue.
/// </summary>
public sealed record Finding
{
    /// <summary>Stable kebab-case id of the check that found it.</summary>
    public required string CheckId { get; init; }

    /// <summary>Invicti <c>VulnerabilityType</c> name, e.g. <c>Xss</c>, <c>ConfirmedSqlInjection</c>.</summary>
    public required string Type { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>Proven by the response (true) or only likely (false).</summary>
    public bool IsConfirmed { get; init; }

    /// <summary>Certainty 0–100 as Invicti reports it.</summary>
    public int Certainty { get; init; } = 100;

    public required string Url { get; init; }

    public string Method { get; init; } = "GET";

    /// <summary>The attacked parameter, or <c>null</c> for page-level findings (e.g. a missing header).</summary>
    public string? Parameter { get; init; }

    /// <summary>Where the parameter lives: Query, Form, Json, Xml, Path, Header, Cookie.</summary>
    public string? ParameterLocation { get; init; }

    public string? Payload { get; init; }

    public Evidence? Evidence { get; init; }

    public Classification Classification { get; init; } = Classification.Empty;

    /// <summary>Type + normalized URL + method + parameter: the identity of an issue across scans.</summary>
    public string Fingerprint => FindingFingerprint.Of(Type, Url, Method, Parameter);
}
