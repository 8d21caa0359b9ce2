using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>The finding text and classification of <see cref="CreditCardDisclosureCheck"/>.</summary>
internal static class CreditCardDisclosureDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "credit-card-disclosure",
        Name = "Credit Card Number Disclosure",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("PossibleCreditCardDisclosure", "Possible Credit Card Number Disclosure", Severity.Low, IsConfirmed: false, Certainty: 80),
        ],
        Cwe = "359",
        OwaspTopTen2021 = "A04",
        References =
        [
            new Uri("https://cwe.mitre.org/data/definitions/359.html"),
            new Uri("https://www.pcisecuritystandards.org/document_library/"),
        ],
        Description = "A response contains what looks like a full payment card number (known issuer prefix and length, valid Luhn check digit).",
        Impact = "Card numbers shown in pages, caches or logs can be stolen and used for fraud, and breach PCI DSS requirement 3.",
        Remediation = "Never display full card numbers: mask all but the last four digits, and keep card data out of pages and responses.",
        Maturity = Maturity.Beta,
    };
}
