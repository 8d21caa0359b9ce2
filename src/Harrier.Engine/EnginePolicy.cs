using System.ComponentModel.DataAnnotations;

namespace Harrier.Engine;

/// <summary>
/// The part of a scan policy the engine obeys: politeness limits, attack strength and which checks run.
/// Every member has a default that suits an ordinary site; call <see cref="Validate"/> before use.
/// </summary>
public sealed record EnginePolicy
{
    /// <summary>Upper bound for concurrent requests to the target; adaptive concurrency never exceeds it. Default 10.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; init; } = 10;

    /// <summary>Concurrency the adaptive limiter starts from (capped by <see cref="MaxConcurrency"/>). Default 2.</summary>
    [Range(1, 256)]
    public int InitialConcurrency { get; init; } = 2;

    /// <summary>Maximum requests per second; 0 means unlimited. Default 0.</summary>
    [Range(0, 100_000)]
    public int RequestsPerSecond { get; init; }

    /// <summary>Time allowed for one request, headers and capped body included. Default 30 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>User-Agent sent with every request. Default <c>Harrier/1.0 (+https://github.com/harrier-scanner)</c>.</summary>
    [Required]
    [MinLength(1)]
    public string UserAgent { get; init; } = "Harrier/1.0 (+https://github.com/harrier-scanner)";

    /// <summary>Request budget of active checks per insertion point. Default <see cref="AttackStrength.Medium"/>.</summary>
    public AttackStrength Strength { get; init; } = AttackStrength.Medium;

    /// <summary>Ids of the checks to run; <c>null</c> (the default) runs every registered check that is enabled by default (all but weak-credentials).</summary>
    public IReadOnlySet<string>? EnabledCheckIds { get; init; }

    /// <summary>Bytes of a response body read at most; the rest is discarded. Default 2 MiB.</summary>
    [Range(1024, 512 * 1024 * 1024)]
    public int MaxResponseBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Requests the crawler sends at most (seeds, pages, forms, redirects). Default 10,000.</summary>
    [Range(1, 10_000_000)]
    public int MaxCrawlRequests { get; init; } = 10_000;

    /// <summary>Characters of a response kept in finding evidence. Default 64 KiB.</summary>
    [Range(256, 16 * 1024 * 1024)]
    public int MaxEvidenceChars { get; init; } = 64 * 1024;

    /// <summary>Accept invalid TLS certificates on the target (self-signed test servers). Default false.</summary>
    public bool AcceptInvalidCertificates { get; init; }

    /// <summary>Throws <see cref="ValidationException"/> when a member is out of range.</summary>
    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromMinutes(10))
        {
            throw new ValidationException("RequestTimeout must be greater than zero and at most 10 minutes.");
        }
    }
}
