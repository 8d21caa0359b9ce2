using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Headers;

/// <summary>The finding text and classification of <see cref="MissingXContentTypeOptionsCheck"/>.</summary>
internal static class MissingXContentTypeOptionsDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "missing-x-content-type-options",
        Name = "Missing X-Content-Type-Options Header",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("MissingXContentTypeOptionsHeader", "Missing X-Content-Type-Options Header", Severity.Low, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "693",
        OwaspTopTen2021 = "A05",
        Wasc = "15",
        References =
        [
            new Uri("https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Content-Type-Options"),
            new Uri("https://owasp.org/www-project-secure-headers/"),
        ],
        Description =
            "Responses of the site are served without \"X-Content-Type-Options: nosniff\", so browsers may guess (sniff) " +
            "a content type other than the declared one.",
        Impact =
            "A file uploaded or reflected as text or an image can be interpreted as HTML or script by the browser, " +
            "turning harmless content into cross-site scripting.",
        Remediation =
            "Send \"X-Content-Type-Options: nosniff\" on every response and declare a correct Content-Type for each.",
        Maturity = Maturity.Beta,
    };
}
