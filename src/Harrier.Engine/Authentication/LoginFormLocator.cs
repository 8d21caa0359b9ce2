using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Harrier.Engine.Crawling;
using Harrier.Engine.Http;

namespace Harrier.Engine.Authentication;

/// <summary>
/// Finds the login form on a page (the first form with a password field) and builds its submission with the user
/// name in the text field nearest before the password field (or one named like user/login/email) and the password.
/// Hidden fields such as anti-forgery tokens keep their values.
/// </summary>
internal static class LoginFormLocator
{
    public static bool HasPasswordForm(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!html.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        using var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelector("input[type=password i]") is not null;
    }

    public static ScanHttpRequest? BuildSubmission(Uri pageUrl, string html, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        ArgumentNullException.ThrowIfNull(html);
        using var document = new HtmlParser().ParseDocument(html);
        foreach (var form in document.Forms)
        {
            var controls = form.Elements.Where(e => e.LocalName == "input" && !string.IsNullOrEmpty(e.GetAttribute("name"))).Cast<IElement>().ToList();
            var passwordIndex = controls.FindIndex(e => TypeOf(e) == "password");
            if (passwordIndex < 0)
            {
                continue;
            }

            var userField = UserField(controls, passwordIndex);
            var overrides = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [controls[passwordIndex].GetAttribute("name")!] = password,
            };
            if (userField is not null)
            {
                overrides[userField] = userName;
            }

            var baseUrl = HtmlLinkExtractor.Resolve(pageUrl, document.QuerySelector("base[href]")?.GetAttribute("href")) ?? pageUrl;
            return FormExtractor.ToRequest(form, baseUrl, pageUrl, overrides);
        }

        return null;
    }

    private static string? UserField(List<IElement> controls, int passwordIndex)
    {
        static bool IsText(IElement e) => TypeOf(e) is "text" or "email" or "tel" or "";

        var named = controls.FirstOrDefault(e => IsText(e) && LooksLikeUser(e.GetAttribute("name")!));
        if (named is not null)
        {
            return named.GetAttribute("name");
        }

        for (var i = passwordIndex - 1; i >= 0; i--)
        {
            if (IsText(controls[i]))
            {
                return controls[i].GetAttribute("name");
            }
        }

        return null;
    }

    private static bool LooksLikeUser(string name) =>
        name.Contains("user", StringComparison.OrdinalIgnoreCase)
        || name.Contains("login", StringComparison.OrdinalIgnoreCase)
        || name.Contains("mail", StringComparison.OrdinalIgnoreCase)
        || name.Equals("name", StringComparison.OrdinalIgnoreCase);

    private static string TypeOf(IElement input) => (input.GetAttribute("type") ?? "").Trim().ToLowerInvariant();
}
