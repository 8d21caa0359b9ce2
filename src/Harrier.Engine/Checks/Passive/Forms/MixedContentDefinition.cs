using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Forms;

/// <summary>The finding text and classification of <see cref="MixedContentCheck"/>.</summary>
internal static class MixedContentDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "mixed-content",
        Name = "Mixed Content over HTTP",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("MixedContentScript", "Mixed Content (Script) Loaded over HTTP", Severity.Medium, IsConfirmed: true, Certainty: 100),
            new FindingType("MixedContentResource", "Mixed Content (Resource) Loaded over HTTP", Severity.Low, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "319",
        OwaspTopTen2021 = "A02",
        References =
        [
            new Uri("https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content"),
            new Uri("https://cwe.mitre.org/data/definitions/319.html"),
        ],
        Description = "An HTTPS page loads scripts, stylesheets or frames from plain http: URLs.",
        Impact =
            "Anyone on the network path can replace the http: resource; a replaced script or stylesheet runs with the " +
            "HTTPS page's privileges, which defeats HTTPS. Browsers block much of it, breaking the page.",
        Remediation = "Load every resource over https: (or with relative URLs); add 'upgrade-insecure-requests' to the Content-Security-Policy.",
        Maturity = Maturity.Beta,
    };
}
