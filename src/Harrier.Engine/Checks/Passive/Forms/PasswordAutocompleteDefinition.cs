using Harrier.Core.Scans;

namespace Harrier.Engine.Checks.Passive.Forms;

/// <summary>The finding text and classification of <see cref="PasswordAutocompleteCheck"/>.</summary>
internal static class PasswordAutocompleteDefinition
{
    public static CheckMetadata Metadata { get; } = new()
    {
        Id = "password-autocomplete",
        Name = "Autocomplete Enabled (Password Field)",
        Kind = CheckKind.Passive,
        Types =
        [
            new FindingType("AutoCompleteEnabledPasswordField", "Autocomplete Enabled (Password Field)", Severity.BestPractice, IsConfirmed: true, Certainty: 100),
        ],
        Cwe = "525",
        OwaspTopTen2021 = "A04",
        References =
        [
            new Uri("https://developer.mozilla.org/en-US/docs/Web/Security/Practical_implementation_guides/Turning_off_form_autocompletion"),
            new Uri("https://cwe.mitre.org/data/definitions/525.html"),
        ],
        Description = "A password field allows the browser to remember and autofill the password (no autocomplete=\"off\" or \"new-password\").",
        Impact = "On a shared or compromised computer, a stored password can be reused by the next user or read from the browser's store.",
        Remediation = "Set autocomplete=\"off\" (or \"new-password\" on registration and change-password forms) where stored passwords are not acceptable, e.g. on shared terminals.",
        Maturity = Maturity.Beta,
    };
}
