using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Passive.Headers;

/// <summary>
/// Judges the Content-Security-Policy a page enforces: <c>'unsafe-inline'</c> (without a nonce or hash, which make
/// browsers ignore it) or <c>'unsafe-eval'</c> in the script sources, a bare <c>*</c> source for scripts or objects,
/// and a report-only policy that reports nowhere. Once per site and type, at the first page that sends such a policy.
/// </summary>
internal sealed class CspUnsafeDirectivesCheck : IPassiveCheck
{
    public CheckMetadata Metadata => CspUnsafeDirectivesDefinition.Metadata;

    public void Analyze(PassiveCheckContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (!SecurityHeaderRules.AppliesTo(response))
        {
            return;
        }

        var scripts = Sources(response, "script-src") ?? Sources(response, "default-src");
        if (scripts is not null)
        {
            var hasNonceOrHash = scripts.Any(s => s.StartsWith("'nonce-", StringComparison.OrdinalIgnoreCase) || s.StartsWith("'sha", StringComparison.OrdinalIgnoreCase));
            var unsafeSources = scripts.Where(s => s.Equals("'unsafe-eval'", StringComparison.OrdinalIgnoreCase)
                || (s.Equals("'unsafe-inline'", StringComparison.OrdinalIgnoreCase) && !hasNonceOrHash)).ToList();
            if (unsafeSources.Count > 0)
            {
                Report(context, "UnsafeCspInstructionDetected", "script sources allow " + string.Join(" ", unsafeSources));
            }
        }

        var objects = Sources(response, "object-src") ?? Sources(response, "default-src");
        if ((scripts ?? []).Concat(objects ?? []).Any(s => s == "*"))
        {
            Report(context, "WildcardDetectedInDomain", "script or object sources allow any host (*)");
        }

        foreach (var reportOnly in response.GetHeaders("Content-Security-Policy-Report-Only"))
        {
            var directives = reportOnly.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!directives.Any(d => d.StartsWith("report-uri ", StringComparison.OrdinalIgnoreCase) || d.StartsWith("report-to ", StringComparison.OrdinalIgnoreCase)))
            {
                Report(context, "CspReportOnlyHeaderDetectedWithoutReportUri", "Content-Security-Policy-Report-Only: " + reportOnly);
            }
        }
    }

    /// <summary>The sources of <paramref name="directive"/> in the enforced policy, or null when it is absent.</summary>
    private static string[]? Sources(ScanHttpResponse response, string directive) =>
        SecurityHeaderRules.CspDirective(response, directive)?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private void Report(PassiveCheckContext context, string type, string proof)
    {
        var site = SecurityHeaderRules.SiteRoot(context.Response.Request.Url);
        if (context.TryClaimOnce(Metadata.Id + " " + type + " " + site))
        {
            context.Report(FindingFactory.Create(
                Metadata, Metadata.Type(type), context.Response.Request, point: null, payload: null,
                context.CreateEvidence(proof + " at " + context.Response.Request.Url.AbsoluteUri), url: PageKey.Of(context.Response.Request.Url)));
        }
    }
}
