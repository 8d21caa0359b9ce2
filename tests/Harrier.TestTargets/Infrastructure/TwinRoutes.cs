
namespace Harrier.TestTargets.Infrastructure;

/// <summary>
/// Maps one handler twice: the vulnerable variant under <c>/vuln</c> and its safe twin under <c>/safe</c>,
/// so the two can only differ in the one behaviour the handler switches on.
/// </summary>
internal static class TwinRoutes
{
    public const string VulnerablePrefix = "/vuln";
    public const string SafePrefix = "/safe";

    public static void MapTwin(this IEndpointRouteBuilder app, string method, string pattern, Func<bool, RequestDelegate> handler)
    {
        var safe = handler(true);
        app.MapMethods(VulnerablePrefix + pattern, [method], handler(false)).WithMetadata(new SafeTwinHandler(safe));
        app.MapMethods(SafePrefix + pattern, [method], safe);
    }

    public static void MapGetTwin(this IEndpointRouteBuilder app, string pattern, Func<bool, RequestDelegate> handler) =>
        app.MapTwin(HttpMethods.Get, pattern, handler);

    public static void MapPostTwin(this IEndpointRouteBuilder app, string pattern, Func<bool, RequestDelegate> handler) =>
        app.MapTwin(HttpMethods.Post, pattern, handler);

    /// <summary>The <c>/safe/…</c> twin of a <c>/vuln/…</c> path (the documented convention).</summary>
    public static string SafeTwinOf(string vulnerablePath) =>
        vulnerablePath.StartsWith(VulnerablePrefix + "/", StringComparison.Ordinal)
            ? SafePrefix + vulnerablePath[VulnerablePrefix.Length..]
            : throw new ArgumentException($"'{vulnerablePath}' is not under {VulnerablePrefix}/.", nameof(vulnerablePath));
}
