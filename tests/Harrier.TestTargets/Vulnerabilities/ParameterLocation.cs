namespace Harrier.TestTargets;

/// <summary>Where the vulnerable input travels in the request.</summary>
public enum ParameterLocation
{
    /// <summary>Not an input: a passive finding on the response (missing header, cookie flag, disclosure).</summary>
    None,

    /// <summary>A query-string parameter.</summary>
    Query,

    /// <summary>An <c>application/x-www-form-urlencoded</c> body field.</summary>
    Form,

    /// <summary>A property of a JSON object body.</summary>
    Json,

    /// <summary>An element of an XML body (or the whole XML document for XXE).</summary>
    Xml,

    /// <summary>A URL path segment (the last one, unless documented otherwise).</summary>
    Path,

    /// <summary>A request header.</summary>
    Header,

    /// <summary>A request cookie.</summary>
    Cookie,

    /// <summary>The URL fragment, read by page script (DOM-based issues).</summary>
    Fragment,
}
