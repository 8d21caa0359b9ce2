using System.ComponentModel.DataAnnotations;

namespace Harrier.Server;

/// <summary>Behaviour of the Invicti API (configuration section <c>Harrier:Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Harrier:Api";

    /// <summary><c>scans/new</c> registers a website for an unknown target. Default: true.</summary>
    public bool AutoRegisterWebsites { get; set; } = true;

    /// <summary>Largest request body accepted, in bytes. Default: 10 MiB (imported files are base64 in JSON).</summary>
    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 10L << 20;

    /// <summary>Failed authentications from one client address allowed per window before it gets 429. Default: 20.</summary>
    [Range(1, 1_000_000)]
    public int FailedAuthenticationLimit { get; set; } = 20;

    /// <summary>The window of <see cref="FailedAuthenticationLimit"/>. Default: 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailedAuthenticationWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a server remembers the user behind an API token it has checked. A token rotated on another server of a
    /// scale-out stays valid here this long (on the same server, at once invalid). Zero turns the cache off. Default: 10 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan TokenCacheLifetime { get; set; } = TimeSpan.FromSeconds(10);
}
