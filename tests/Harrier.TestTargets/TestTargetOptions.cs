using System.ComponentModel.DataAnnotations;

namespace Harrier.TestTargets;

/// <summary>Options for one <see cref="TestTargetServer"/> instance.</summary>
public sealed class TestTargetOptions
{
    /// <summary>The default size of the large-site generator under <c>/gen/</c>.</summary>
    public const int DefaultGeneratedPages = 10_000;

    /// <summary>The default user name of the login area.</summary>
    public const string DefaultUserName = "harrier";

    /// <summary>The default password of the login area.</summary>
    public const string DefaultPassword = "harrier-pass";

    /// <summary>
    /// The loopback port to bind. Default 0: the operating system picks a free port (tests).
    /// The server always binds 127.0.0.1 only.
    /// </summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>
    /// The absolute base URL of another (loopback) server that some pages link, post, frame and redirect to.
    /// Default <see langword="null"/>: those links are not rendered and the redirects answer 404.
    /// Used by the scanner's "never leave scope" safety test.
    /// </summary>
    public Uri? OutOfScopeBaseUrl { get; set; }

    /// <summary>How many pages the large-site generator serves at <c>/gen/item/{n}</c>. Default 10,000.</summary>
    [Range(0, 10_000_000)]
    public int GeneratedPages { get; set; } = DefaultGeneratedPages;

    /// <summary>
    /// An artificial delay added before every response, to simulate a slower target.
    /// Default <see cref="TimeSpan.Zero"/> (no delay and no extra middleware).
    /// </summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>
    /// A random extra delay in [0, <see cref="ResponseJitter"/>) added to every response on top of
    /// <see cref="ResponseDelay"/>, to simulate a jittery target (time-based checks must not fire on it).
    /// Default <see cref="TimeSpan.Zero"/>.
    /// </summary>
    public TimeSpan ResponseJitter { get; set; }

    /// <summary>
    /// The upper bound of any delay an injected payload can cause (time-based SQL and command injection).
    /// Default 10 seconds.
    /// </summary>
    public TimeSpan MaxInjectedDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The user name accepted by <c>/auth/login</c>. Default <see cref="DefaultUserName"/>.</summary>
    [Required]
    public string UserName { get; set; } = DefaultUserName;

    /// <summary>The password accepted by <c>/auth/login</c>. Default <see cref="DefaultPassword"/>.</summary>
    [Required]
    public string Password { get; set; } = DefaultPassword;

    /// <summary>
    /// Called for every request before it is handled, with the method and the path and query as received
    /// (e.g. <c>GET</c>, <c>/app/about?x=1</c>), from Kestrel threads: it must be thread-safe and cheap. Lets a scope
    /// test record exactly what a scanner requested. Default <see langword="null"/> (no cost).
    /// </summary>
    public Action<string, string>? OnRequest { get; set; }

    /// <summary>The clock used for delays. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Throws when an option is out of range.</summary>
    internal void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (OutOfScopeBaseUrl is { IsAbsoluteUri: false })
        {
            throw new ValidationException("OutOfScopeBaseUrl must be an absolute URL.");
        }

        if (ResponseDelay < TimeSpan.Zero || ResponseJitter < TimeSpan.Zero || MaxInjectedDelay < TimeSpan.Zero)
        {
            throw new ValidationException("ResponseDelay, ResponseJitter and MaxInjectedDelay must not be negative.");
        }
    }
}
