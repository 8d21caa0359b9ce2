using System.Globalization;
using Harrier.Core.Scans;
using Harrier.Web.Html;

namespace Harrier.Web.Pages;

/// <summary>A scan's stored launch configuration, read-only. Secrets (cookies, passwords, header values) are never shown.</summary>
internal static class ScanConfigurationView
{
    public static Markup Render(ScanConfiguration c, string? policyName)
    {
        var auth = c.Authentication;
        var authItems = new List<Markup>();
        if (auth.Form is { } form)
        {
            authItems.Add(Markup.Of($"<li>Form login at <code>{form.LoginFormUrl}</code> as <code>{form.UserName}</code></li>"));
        }

        if (auth.Basic is { } basic)
        {
            authItems.AddRange(basic.Credentials.Select(cr => Markup.Of($"<li>{cr.AuthenticationType} for <code>{cr.UriPrefix}</code> as <code>{cr.UserName}</code></li>")));
        }

        authItems.AddRange(auth.Headers.Select(h => Markup.Of($"<li>Header <code>{h.Name}</code> (value hidden)</li>")));
        return Markup.Of($"""
            <section class="card" aria-labelledby="config-h">
              <h2 id="config-h">Configuration</h2>
              <dl class="facts config">
                <div><dt>Target</dt><dd><code>{c.TargetUrl}</code></dd></div>
                <div><dt>Scope</dt><dd>{c.Scope}</dd></div>
                <div><dt>Policy</dt><dd>{policyName ?? c.PolicyId.ToString()}</dd></div>
                <div><dt>Crawl and attack</dt><dd>{(c.CrawlAndAttack ? "Yes" : "Crawl only")}</dd></div>
                <div><dt>Excluded links</dt><dd>{List(c.ExcludeLinks ? c.ExcludedLinks : [])}</dd></div>
                <div><dt>Disallowed methods</dt><dd>{(c.DisallowedHttpMethods.Count == 0 ? "None" : string.Join(", ", c.DisallowedHttpMethods))}</dd></div>
                <div><dt>Cookies</dt><dd>{(string.IsNullOrEmpty(c.Cookies) ? "None" : "Set (hidden)")}</dd></div>
                <div><dt>Authentication</dt><dd>{(authItems.Count == 0 ? Markup.Trusted("None") : Markup.Of($"<ul class=\"plain\">{authItems}</ul>"))}</dd></div>
                <div><dt>Time window</dt><dd>{TimeWindow(c.TimeWindow)}</dd></div>
                <div><dt>Max duration</dt><dd>{(c.IsMaxScanDurationEnabled ? c.MaxScanDuration.ToString(CultureInfo.InvariantCulture) + " h" : "No limit")}</dd></div>
                <div><dt>Additional websites</dt><dd>{List(c.AdditionalWebsites.Select(a => a.TargetUrl).ToList())}</dd></div>
                <div><dt>Tags</dt><dd>{(c.Tags.Count == 0 ? "None" : string.Join(", ", c.Tags))}</dd></div>
              </dl>
            </section>
            """);
    }

    private static Markup List(IReadOnlyList<string> items) => items.Count == 0
        ? Markup.Trusted("None")
        : Markup.Of($"<ul class=\"plain\">{items.Select(i => Markup.Of($"<li><code>{i}</code></li>"))}</ul>");

    private static Markup TimeWindow(ScanTimeWindow? window) => window is not { Items.Count: > 0 }
        ? Markup.Trusted("Any time")
        : Markup.Of($"<ul class=\"plain\">{window.Items.Select(i => Markup.Of($"<li>{i.Day} {i.From.ToString("HH:mm", CultureInfo.InvariantCulture)}–{i.To.ToString("HH:mm", CultureInfo.InvariantCulture)}: {(i.ScanningAllowed ? "allowed" : "not allowed")}</li>"))}</ul>");
}
