using Microsoft.Extensions.Primitives;

namespace Harrier.TestTargets.Infrastructure;

/// <summary>
/// Every response carries the usual security headers. Only the <c>/vuln/headers/*</c> endpoints remove one,
/// so a scanner's missing-header findings are expected there and nowhere else.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    private static readonly StringValues s_frameOptions = "SAMEORIGIN";
    private static readonly StringValues s_contentTypeOptions = "nosniff";
    private static readonly StringValues s_csp = ContentSecurityPolicy;
    private static readonly StringValues s_referrerPolicy = "strict-origin-when-cross-origin";

    public static void Apply(IHeaderDictionary headers)
    {
        headers.XFrameOptions = s_frameOptions;
        headers.XContentTypeOptions = s_contentTypeOptions;
        headers.ContentSecurityPolicy = s_csp;
        headers["Referrer-Policy"] = s_referrerPolicy;
    }
}
