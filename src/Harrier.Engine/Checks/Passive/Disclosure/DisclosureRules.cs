using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Passive.Disclosure;

/// <summary>Which responses the disclosure checks read: text bodies (HTML, plain text, JSON, XML, script), not images or binaries.</summary>
internal static class DisclosureRules
{
    public static bool IsText(ScanHttpResponse response)
    {
        var contentType = response.ContentType;
        if (contentType is null)
        {
            return !response.Body.AsSpan(0, Math.Min(512, response.Body.Length)).Contains((byte)0);
        }

        return contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("javascript", StringComparison.OrdinalIgnoreCase);
    }
}
