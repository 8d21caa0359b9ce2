using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Harrier.Engine.OutOfBand;

/// <summary>
/// The out-of-band listener each scan starts for SSRF, XXE and RFI confirmation (configuration section
/// <c>Harrier:OutOfBand</c>). The defaults suit scanning a target on the same machine; for a remote target set
/// <see cref="BindAddress"/>, <see cref="Port"/> and <see cref="PublicBaseUrl"/> so the target can reach the listener.
/// </summary>
public sealed record OutOfBandOptions
{
    public const string Section = "Harrier:OutOfBand";

    /// <summary>Start a listener per scan. When false the out-of-band checks send nothing. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>IP address the listener binds to. Default <c>127.0.0.1</c> (only the local machine can call back).</summary>
    [Required]
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 (the default) takes a free port per scan. A fixed port allows one running scan per agent host.</summary>
    [Range(0, 65535)]
    public int Port { get; init; }

    /// <summary>
    /// The base URL targets use to reach the listener (e.g. <c>http://scanner.example.net:8099/</c> behind a NAT or
    /// proxy). Default: none, the bound address and port (<c>http://127.0.0.1:{port}/</c>).
    /// </summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>How long a check waits for a callback after its last payload (callbacks usually arrive before the response). Default 3 s.</summary>
    public TimeSpan CallbackWait { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Throws <see cref="ValidationException"/> when a member is invalid.</summary>
    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            throw new ValidationException("OutOfBand BindAddress must be an IP address.");
        }

        if (PublicBaseUrl is not null && (!PublicBaseUrl.IsAbsoluteUri || PublicBaseUrl.Scheme is not ("http" or "https")))
        {
            throw new ValidationException("OutOfBand PublicBaseUrl must be an absolute http or https URL.");
        }

        if (CallbackWait < TimeSpan.Zero || CallbackWait > TimeSpan.FromMinutes(1))
        {
            throw new ValidationException("OutOfBand CallbackWait must be between 0 and 1 minute.");
        }
    }
}
