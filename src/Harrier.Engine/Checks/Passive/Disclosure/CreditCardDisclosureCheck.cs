using System.Text.RegularExpressions;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>
/// Reports payment card numbers in text responses to normal requests: 13–19 digits, plain or in the groups printed
/// on cards, with a known issuer prefix and length, and a valid Luhn check digit. Once per page.
/// </summary>
internal sealed partial class CreditCardDisclosureCheck : IPassiveCheck
{
    public CheckMetadata Metadata => CreditCardDisclosureDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.Request.IsAttack || response.Body.Length == 0 || !DisclosureRules.IsText(response))
        {
            return;
        }

        foreach (Match match in CandidateNumber().Matches(response.BodyText))
        {
            var digits = string.Concat(match.Value.Where(char.IsAsciiDigit));
            if (!IsCardNumber(digits))
            {
                continue;
            }

            var page = PageKey.Of(response.Request.Url);
            if (context.TryClaimOnce(Metadata.Id + " " + page))
            {
                context.Report(FindingFactory.Create(
                    Metadata, Metadata.Types[0], response.Request, point: null, payload: null, context.CreateEvidence(match.Value), url: page));
            }

            return;
        }
    }

    /// <summary>A known issuer prefix with its lengths (Visa, Mastercard, American Express, Discover, JCB, Diners) and the Luhn check.</summary>
    internal static bool IsCardNumber(string digits)
    {
        var length = digits.Length;
        var brand =
            (digits[0] == '4' && length is 13 or 16 or 19)
            || (length == 16 && (Prefix(digits, 2) is >= 51 and <= 55 || Prefix(digits, 4) is >= 2221 and <= 2720))
            || (length == 15 && Prefix(digits, 2) is 34 or 37)
            || (length is >= 16 and <= 19 && (digits.StartsWith("6011", StringComparison.Ordinal) || digits.StartsWith("65", StringComparison.Ordinal) || Prefix(digits, 3) is >= 644 and <= 649))
            || (length == 16 && Prefix(digits, 4) is >= 3528 and <= 3589)
            || (length == 14 && (Prefix(digits, 2) is 36 or 38 || Prefix(digits, 3) is >= 300 and <= 305));
        return brand && digits.Distinct().Count() > 1 && Luhn(digits);
    }

    private static int Prefix(string digits, int count) => int.Parse(digits.AsSpan(0, count), System.Globalization.CultureInfo.InvariantCulture);

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[^(i + 1)] - '0';
            if (i % 2 == 1)
            {
                digit = digit * 2 > 9 ? (digit * 2) - 9 : digit * 2;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>13–19 digits in a row, 4-4-4-4(-n) groups or the 4-6-5 American Express grouping, not part of a longer number or word.</summary>
    [GeneratedRegex(@"(?<![\w.,-])([0-9]{13,19}|[0-9]{4}([ -])[0-9]{4}\2[0-9]{4}\2[0-9]{4}(\2[0-9]{1,3})?|[0-9]{4}([ -])[0-9]{6}\4[0-9]{5})(?![\w-]|[.,][0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex CandidateNumber();
}
