using Harrier.Core.Findings;
using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;

namespace Harrier.Engine.Scanning;

/// <summary>
/// Rebuilds, from a stored finding, the request its check attacked and the insertion point it attacked. The URL is the
/// finding's (the original, unattacked URL); method, body and content type come from the stored raw request. A body
/// value carries the old payload, which is taken out again so the check gets a benign baseline.
/// </summary>
internal static partial class RetestRequest
{
    private const string NeutralValue = "1";

    /// <summary>The page request a passive finding was seen on: the stored raw request's path, else the finding's URL.</summary>
    public static ScanHttpRequest? Passive(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (!Uri.TryCreate(finding.Url, UriKind.Absolute, out var url) || !ScanScope.IsHttp(url))
        {
            return null;
        }

        var raw = Parse(finding.Evidence?.RawRequest, url);
        return raw is null ? new ScanHttpRequest(finding.Method, url) : raw with { Headers = [] };
    }

    /// <summary>The original request and the attacked insertion point (any point of the page for page-level findings).</summary>
    public static (ScanHttpRequest Request, InsertionPoint Point)? Active(Finding finding, InsertionPointOptions options)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(finding.Url, UriKind.Absolute, out var url) || !ScanScope.IsHttp(url))
        {
            return null;
        }

        var raw = Parse(finding.Evidence?.RawRequest, url);
        var request = new ScanHttpRequest(finding.Method, url) { Body = WithoutDocumentType(raw?.Body), ContentType = raw?.ContentType };
        var cookies = finding.ParameterLocation == nameof(InsertionPointKind.Cookie) && finding.Parameter is { } cookie
            ? [.. (options.JarCookies ?? []).Where(c => c.Key != cookie), new(cookie, NeutralValue)]
            : options.JarCookies;
        options = options with { JarCookies = cookies };
        var point = Find(request, options, finding);
        if (point is null && finding.ParameterLocation == nameof(InsertionPointKind.Form) && finding.Parameter is { } field)
        {
            // The evidence is another request (a stored payload is shown by a later GET): rebuild the form from the parameter.
            request = request with
            {
                Body = Uri.EscapeDataString(field) + "=" + NeutralValue,
                ContentType = "application/x-www-form-urlencoded",
            };
            point = Find(request, options, finding);
        }

        if (point is null)
        {
            return null;
        }

        if (point.Kind is InsertionPointKind.Form or InsertionPointKind.Json or InsertionPointKind.Xml && finding.Payload is { Length: > 0 } payload
            && point.OriginalValue.Contains(payload, StringComparison.Ordinal))
        {
            var original = point.OriginalValue.Replace(payload, "", StringComparison.Ordinal);
            request = point.WithValue(original.Length == 0 ? NeutralValue : original);
            point = Find(request, options, finding);
        }

        return point is null ? null : (request, point);
    }

    /// <summary>
    /// An XML body whose stored copy is a whole-document attack (XXE: a DOCTYPE declaring entities, used in the elements)
    /// loses the DOCTYPE and its entity references, which gives back the document the check attacked. Other bodies are kept.
    /// </summary>
    internal static string? WithoutDocumentType(string? body)
    {
        if (body is null || DocumentType().Match(body) is not { Success: true } doctype)
        {
            return body;
        }

        return EntityReference().Replace(body.Remove(doctype.Index, doctype.Length), NeutralValue);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<!DOCTYPE[^\[>]*(\[[\s\S]*?\])?\s*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DocumentType();

    [System.Text.RegularExpressions.GeneratedRegex(@"&(?!(?:lt|gt|amp|quot|apos|#x?[0-9a-fA-F]+);)[A-Za-z_][\w.-]*;")]
    private static partial System.Text.RegularExpressions.Regex EntityReference();

    private static InsertionPoint? Find(ScanHttpRequest request, InsertionPointOptions options, Finding finding)
    {
        var points = InsertionPointEnumerator.Enumerate(request, options);
        return finding.Parameter is null
            ? (points.Count > 0 ? points[0] : null)
            : points.FirstOrDefault(p => p.Name == finding.Parameter && p.Kind.ToString() == finding.ParameterLocation)
              ?? points.FirstOrDefault(p => p.Name == finding.Parameter)
              // A path segment the page showed as text at scan time is input whatever the page shows now.
              ?? (finding.ParameterLocation == nameof(InsertionPointKind.Path) ? PathSegmentInsertionPoints.Named(request, finding.Parameter) : null);
    }

    /// <summary>Method, URL (on the finding's origin), content type and body of a raw HTTP request; null if it is not one.</summary>
    internal static ScanHttpRequest? Parse(string? raw, Uri origin)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var headerEnd = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = headerEnd < 0 ? raw : raw[..headerEnd];
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length < 2 || !requestLine[1].StartsWith('/') || !Uri.TryCreate(origin, requestLine[1], out var url))
        {
            return null;
        }

        var contentType = lines.Skip(1).Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts[1].Trim()).FirstOrDefault();
        var body = headerEnd < 0 || headerEnd + 4 >= raw.Length ? null : raw[(headerEnd + 4)..];
        return new ScanHttpRequest(requestLine[0], url) { Body = body, ContentType = body is null ? null : contentType };
    }
}
