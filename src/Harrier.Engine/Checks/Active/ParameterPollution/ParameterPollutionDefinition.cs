using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Active.ParameterPollution;

/// <summary>The finding text and classification of <see cref="ParameterPollutionCheck"/>.</summary>
internal static class ParameterPollutionDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "parameter-pollution",
        Name = "HTTP Parameter Pollution",
        Kind = CheckKind.Active,
        Types =
        [
            new FindingType("PossibleHpp", "Possible HTTP Parameter Pollution", Severity.Low, IsConfirmed: false, Certainty: 80),
        ],
        Cwe = "235",
        OwaspTopTen2021 = "A03",
        Capec = "460",
        References =
        [
            new Uri("https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/07-Input_Validation_Testing/04-Testing_for_HTTP_Parameter_Pollution"),
            new Uri("https://cwe.mitre.org/data/definitions/235.html"),
        ],
        Description =
            "A request value is copied into the query string of a URL the page generates (a link, a form action) without " +
            "URL-encoding, so an '&' in the value ends the parameter and whatever follows becomes a parameter of its own.",
        Impact =
            "An attacker's link makes the page generate URLs with extra or duplicated parameters: links that change a " +
            "different setting than shown, or override parameters the server trusts (an amount, a user id, an action), " +
            "depending on which occurrence the back end reads.",
        Remediation =
            "URL-encode every value placed in a URL (Uri.EscapeDataString, encodeURIComponent, urlencode) or build query " +
            "strings with a URL builder, then HTML-encode the URL for the attribute it lands in.",
        Maturity = Maturity.Beta,
    };
}
