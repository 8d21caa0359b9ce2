using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Headers;

/// <summary>The finding text and classification of <see cref="MissingXFrameOptionsCheck"/>.</summary>
internal static class MissingXFrameOptionsDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "missing-x-frame-options",
        Name = "Missing X-Frame-Options Header",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("MissingXFrameOptionsHeader", "Missing X-Frame-Options Header", Severity.Low, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "1021",
        OwaspTopTen2021 = "A05",
        Wasc = "15",
        Capec = "103",
        References =
        [
            new Uri("https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Frame-Options"),
            new Uri("https://cheatsheetseries.owasp.org/cheatsheets/Clickjacking_Defense_Cheat_Sheet.html"),
            new Uri("https://cwe.mitre.org/data/definitions/1021.html"),
        ],
        Description =
            "HTML pages of the site are served without an X-Frame-Options header and without a Content-Security-Policy " +
            "frame-ancestors directive, so any other site may load them in a frame.",
        Impact =
            "An attacker can frame the site under a decoy page and trick users into clicking its controls (clickjacking), " +
            "performing actions they did not intend.",
        Remediation =
            "Send 'Content-Security-Policy: frame-ancestors 'self'' (or 'none') on every HTML response, and " +
            "'X-Frame-Options: DENY' or 'SAMEORIGIN' for older browsers.",
        Maturity = Maturity.Beta,
    };
}
