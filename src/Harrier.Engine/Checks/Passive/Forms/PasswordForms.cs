using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Passive.Forms;

/// <summary>Finds the forms with a password field in a successful HTML response to a normal request.</summary>
internal static class PasswordForms
{
    public static IReadOnlyList<IElement> In(ScanHttpResponse response, out IDocument? document)
    {
        document = null;
        if (response.Request.IsAttack || response.StatusCode is < 200 or >= 300 || !response.IsHtml
            || !response.BodyText.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        document = new HtmlParser().ParseDocument(response.BodyText);
        return [.. document.QuerySelectorAll("form").Where(f => f.QuerySelector("input[type=password i]") is not null)];
    }

    /// <summary>Where the form submits: its <c>action</c> resolved against the page (and its <c>base href</c>); the page itself when empty.</summary>
    public static Uri? Target(IElement form, Uri page, IDocument document)
    {
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        var baseUri = baseHref is not null && Uri.TryCreate(page, baseHref, out var b) ? b : page;
        var action = form.GetAttribute("action")?.Trim();
        if (string.IsNullOrEmpty(action))
        {
            return page;
        }

        return Uri.TryCreate(baseUri, action, out var target) ? target : null;
    }
}
