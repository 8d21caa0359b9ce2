using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Harrier.Engine.Checks.Passive.Forms;

/// <summary>
/// Reports state-changing forms without an anti-forgery token: POST forms to the same site with at least one field a
/// user edits (search boxes do not count), and no token field, i.e. no field named like a token
/// (<c>csrf</c>, <c>xsrf</c>, <c>authenticity_token</c>, <c>__RequestVerificationToken</c>…) with a value, and no
/// hidden field with a random-looking value. Login forms (one password field and at most one other field) are
/// skipped. Normal, successful HTML responses only; once per page.
/// </summary>
internal sealed partial class CsrfCheck : IPassiveCheck
{
    private static readonly HashSet<string> s_searchNames = new(StringComparer.OrdinalIgnoreCase) { "q", "s", "query", "search", "keyword", "keywords", "term", "terms" };

    public CheckMetadata Metadata => CsrfDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.Request.IsAttack || response.StatusCode is < 200 or >= 300 || !response.IsHtml
            || !response.BodyText.Contains("<form", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var page = response.Request.Url;
        var document = new HtmlParser().ParseDocument(response.BodyText);
        foreach (var form in document.QuerySelectorAll("form"))
        {
            if (!string.Equals(form.GetAttribute("method")?.Trim(), "post", StringComparison.OrdinalIgnoreCase)
                || PasswordForms.Target(form, page, document) is not { } target
                || target.GetLeftPart(UriPartial.Authority) != page.GetLeftPart(UriPartial.Authority)
                || !ChangesState(form) || HasToken(form))
            {
                continue;
            }

            var key = PageKey.Of(page);
            if (context.TryClaimOnce(Metadata.Id + " " + key))
            {
                var html = form.OuterHtml;
                context.Report(FindingFactory.Create(
                    Metadata, Metadata.Types[0], response.Request, point: null, payload: null,
                    context.CreateEvidence(html.Length > 2000 ? html[..2000] : html), url: key));
            }

            return;
        }
    }

    /// <summary>A user-editable field that is not a search box, and not a login form.</summary>
    private static bool ChangesState(IElement form)
    {
        var fields = form.QuerySelectorAll("input[name], textarea[name], select[name]")
            .Where(f => !IsHidden(f) && !IsButton(f))
            .ToList();
        var passwords = fields.Count(f => Type(f) == "password");
        if (passwords == 1 && fields.Count <= 2)
        {
            return false;
        }

        return fields.Any(f => Type(f) != "search" && !s_searchNames.Contains(f.GetAttribute("name")!));
    }

    private static bool HasToken(IElement form) =>
        form.QuerySelectorAll("input[name]").Any(f =>
            f.GetAttribute("value") is { Length: > 0 } value
            && (TokenName().IsMatch(f.GetAttribute("name")!) || (IsHidden(f) && LooksRandom(value))));

    /// <summary>At least 16 token characters mixing letters and digits: a random value, not a constant like "1" or "save".</summary>
    private static bool LooksRandom(string value) =>
        value.Length >= 16 && RandomToken().IsMatch(value) && value.Any(char.IsAsciiDigit) && value.Any(char.IsAsciiLetter);

    private static string Type(IElement field) =>
        field.LocalName == "input" ? (field.GetAttribute("type")?.Trim().ToLowerInvariant() ?? "text") : field.LocalName;

    private static bool IsHidden(IElement field) => Type(field) == "hidden";

    private static bool IsButton(IElement field) => Type(field) is "submit" or "button" or "reset" or "image";

    [GeneratedRegex(@"csrf|xsrf|anti.?forgery|authenticity.?token|requestverificationtoken|^_?token$|nonce|form_key|form_build_id", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenName();

    [GeneratedRegex(@"^[A-Za-z0-9+/=_\-.:]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RandomToken();
}
