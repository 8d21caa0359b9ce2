using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;

namespace Harrier.Engine.Crawling;

/// <summary>
/// Turns an HTML form into the request a browser would submit: every named, enabled control (text-like inputs,
/// hidden, checkbox, the first or checked radio of a group, the selected or first option of a select, textarea,
/// the first named submit button), empty values filled with plausible defaults. GET forms go to the query,
/// other forms are sent as an urlencoded POST body.
/// </summary>
internal static class FormExtractor
{
    /// <param name="form">The parsed form.</param>
    /// <param name="baseUrl">URL relative actions resolve against.</param>
    /// <param name="pageUrl">The page's URL, the action of a form without one.</param>
    /// <param name="overrides">Values to use instead of the form's own, by field name (login credentials).</param>
    public static ScanHttpRequest? ToRequest(IHtmlFormElement form, Uri baseUrl, Uri pageUrl, IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actionAttribute = form.GetAttribute("action");
        var action = string.IsNullOrWhiteSpace(actionAttribute) ? pageUrl : HtmlLinkExtractor.Resolve(baseUrl, actionAttribute);
        if (action is null)
        {
            return null;
        }

        var fields = Fields(form);
        if (overrides is not null)
        {
            fields = [.. fields.Select(f => overrides.TryGetValue(f.Key, out var value) ? new KeyValuePair<string, string>(f.Key, value) : f)];
        }
        var isPost = string.Equals(form.GetAttribute("method")?.Trim(), "post", StringComparison.OrdinalIgnoreCase);
        var encoded = UrlEncodedPairs.Format(fields);
        return isPost
            ? ScanHttpRequest.FormPost(action, encoded)
            : ScanHttpRequest.Get(QueryInsertionPoints.WithQuery(action, encoded));
    }

    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var radios = new HashSet<string>(StringComparer.Ordinal);
        var checkedRadios = CheckedRadios(form);
        var submitAdded = false;
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            var value = element.LocalName switch
            {
                "input" => InputValue(element, name, radios, checkedRadios, ref submitAdded),
                "select" => SelectValue(element),
                "textarea" => Fallback(element.TextContent, "textarea", name),
                "button" => ButtonValue(element, ref submitAdded),
                _ => null,
            };
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        return fields;
    }

    private static Dictionary<string, string> CheckedRadios(IHtmlFormElement form)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            if (element.LocalName == "input"
                && string.Equals(element.GetAttribute("type"), "radio", StringComparison.OrdinalIgnoreCase)
                && element.HasAttribute("checked")
                && element.GetAttribute("name") is { Length: > 0 } name)
            {
                result.TryAdd(name, element.GetAttribute("value") ?? "on");
            }
        }

        return result;
    }

    private static string? InputValue(IElement input, string name, HashSet<string> radios, Dictionary<string, string> checkedRadios, ref bool submitAdded)
    {
        var type = (input.GetAttribute("type") ?? "text").Trim().ToLowerInvariant();
        var value = input.GetAttribute("value");
        switch (type)
        {
            case "submit":
                if (submitAdded)
                {
                    return null;
                }

                submitAdded = true;
                return value ?? "Submit";
            case "image" or "reset" or "button":
                return null;
            case "checkbox":
                return value ?? "on";
            case "radio":
                // One value per group: the checked radio's, else the first one's.
                return radios.Add(name) ? checkedRadios.GetValueOrDefault(name) ?? value ?? "on" : null;
            case "file":
                return "harrier.txt";
            default:
                return Fallback(value, type, name);
        }
    }

    private static string? ButtonValue(IElement button, ref bool submitAdded)
    {
        var type = (button.GetAttribute("type") ?? "submit").Trim().ToLowerInvariant();
        if (type != "submit" || submitAdded)
        {
            return null;
        }

        submitAdded = true;
        return button.GetAttribute("value") ?? "";
    }

    private static string SelectValue(IElement select)
    {
        var options = select.QuerySelectorAll("option").Where(o => !o.HasAttribute("disabled")).ToList();
        var chosen = options.FirstOrDefault(o => o.HasAttribute("selected")) ?? options.FirstOrDefault();
        return chosen is null ? "" : chosen.GetAttribute("value") ?? chosen.TextContent.Trim();
    }

    private static string Fallback(string? value, string type, string name)
    {
        if (!string.IsNullOrEmpty(value))
        {
            return value;
        }

        return type switch
        {
            "email" => "harrier@example.com",
            "number" or "range" => "1",
            "url" => "https://example.com/",
            "tel" => "5555555555",
            "password" => "Harrier-Passw0rd!",
            "date" => "2024-01-01",
            "color" => "#000000",
            _ when name.Contains("mail", StringComparison.OrdinalIgnoreCase) => "harrier@example.com",
            _ when name.Contains("id", StringComparison.OrdinalIgnoreCase) => "1",
            _ => "harrier",
        };
    }
}
