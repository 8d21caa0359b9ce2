using System.Text.Json;

namespace Harrier.Web.Tests.Headless;

/// <summary>
/// The UI in a real headless Chromium: sign in, launch a scan of TestTargets from the form, watch the list reach
/// Complete without reloading, open a finding, Scan again, download a report, sign out; screenshots at 1280 and 390 px.
/// </summary>
public sealed class BrowserTests(BrowserFixture server) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Story_SignIn_Launch_WatchLive_OpenFinding_ScanAgain_Report_SignOut()
    {
        var executable = Chromium.RequireExecutable();
        await using var chromium = await Chromium.LaunchAsync(executable, Token);
        await using var page = await chromium.NewPageAsync(Token);
        await page.SetViewportAsync(1280, 900, mobile: false, Token);

        // Sign in with the keyboard and mouse.
        await page.NavigateAsync(new Uri(server.BaseAddress, "/scans"), Token);
        await page.WaitForAsync("location.pathname === '/signin'", Token);
        await ShotAsync(page, "signin-1280");
        await page.TypeAsync("#userId", WebFixture.AdminId.ToString(), Token);
        await page.TypeAsync("#token", WebFixture.AdminToken, Token);
        await page.ClickAsync("button[type=submit].primary", Token);
        await page.WaitForAsync("location.pathname === '/scans' && document.querySelector('#scan-list')", Token);

        // Launch a scan of the test target from the form.
        var target = new Uri(server.Target.BaseUrl, "/vuln/").AbsoluteUri;
        await page.NavigateAsync(new Uri(server.BaseAddress, "/scans/new"), Token);
        await ShotAsync(page, "new-scan-1280");
        await page.SetViewportAsync(390, 844, mobile: true, Token);
        await ShotAsync(page, "new-scan-390");
        Assert.True((await page.EvaluateAsync("document.documentElement.scrollWidth <= 390", Token)).GetBoolean(),
            "The new-scan form scrolls sideways at 390 px: " + await page.TextAsync(WiderThanTheScreen, Token));
        await page.SetViewportAsync(1280, 900, mobile: false, Token);
        await page.TypeAsync("#target", target, Token);
        await page.ClickAsync("#launch", Token);
        await page.WaitForAsync("/^\\/scans\\/[0-9a-f-]{36}$/.test(location.pathname)", Token);
        var firstScan = await page.TextAsync("location.pathname", Token);

        // The list follows the scan live: the same document (no reload) sees it reach Complete.
        await page.NavigateAsync(new Uri(server.BaseAddress, "/scans"), Token);
        await page.EvaluateAsync("window.harrierNoReload = 42", Token);
        var row = $"document.querySelector('tr[data-scan-id=\"{firstScan[7..]}\"]')";
        await page.WaitForAsync(row, Token);
        await page.WaitForAsync($"{row}.querySelector('[data-state]').dataset.state === 'Complete'", Token, TimeSpan.FromMinutes(3));
        Assert.Equal(42, (await page.EvaluateAsync("window.harrierNoReload", Token)).GetInt32());
        Assert.Equal("100", await page.TextAsync($"{row}.querySelector('progress').getAttribute('value')", Token));
        await ShotAsync(page, "scans-1280");
        await page.SetViewportAsync(390, 844, mobile: true, Token);
        await ShotAsync(page, "scans-390");
        Assert.True((await page.EvaluateAsync("document.documentElement.scrollWidth <= 390", Token)).GetBoolean(), "The scans list scrolls sideways at 390 px.");
        await page.SetViewportAsync(1280, 900, mobile: false, Token);

        // Open the scan and a finding: description and escaped evidence are there.
        await page.ClickAsync($"a[href=\"{firstScan}\"]", Token);
        await page.WaitForAsync($"location.pathname === '{firstScan}' && document.querySelector('details.finding')", Token);
        await page.ClickAsync("details.finding summary", Token);
        await page.WaitForAsync("document.querySelector('details.finding').open", Token);
        Assert.Contains("Remediation", await page.TextAsync("document.querySelector('details.finding').textContent", Token), StringComparison.Ordinal);
        await ShotAsync(page, "scan-1280");
        await page.SetViewportAsync(390, 844, mobile: true, Token);
        await ShotAsync(page, "scan-390");
        Assert.True((await page.EvaluateAsync("document.documentElement.scrollWidth <= 390", Token)).GetBoolean(), "The scan page scrolls sideways at 390 px.");
        await page.SetViewportAsync(1280, 900, mobile: false, Token);

        // A report downloads through the UI session.
        var report = await page.EvaluateAsync(
            $"fetch('{firstScan}/report?type=Vulnerabilities&format=Json').then(async r => [r.status, r.headers.get('content-type'), (await r.text()).length])", Token);
        Assert.Equal(200, report[0].GetInt32());
        Assert.StartsWith("application/json", report[1].GetString(), StringComparison.Ordinal);

        // Scan again lands on the new scan.
        await page.ClickAsync("button[data-action=again]", Token);
        // The URL changes when the navigation commits; wait for the new page's content too.
        await page.WaitForAsync(
            $"/^\\/scans\\/[0-9a-f-]{{36}}$/.test(location.pathname) && location.pathname !== '{firstScan}' && document.querySelector('.notice') && document.querySelector('h1')",
            Token);
        Assert.Contains("same configuration", await page.TextAsync("document.querySelector('.notice').innerText", Token), StringComparison.Ordinal);
        Assert.Contains(target, await page.TextAsync("document.querySelector('h1').innerText", Token), StringComparison.Ordinal);

        // Other pages render without script errors.
        foreach (var (path, name) in new[] { ("/websites", "websites"), ("/policies", "policies"), ("/settings/api", "settings") })
        {
            await page.NavigateAsync(new Uri(server.BaseAddress, path), Token);
            await ShotAsync(page, name + "-1280");
            await page.SetViewportAsync(390, 844, mobile: true, Token);
            await ShotAsync(page, name + "-390");
            await page.SetViewportAsync(1280, 900, mobile: false, Token);
        }

        // Sign out.
        await page.ClickAsync("form.signout button", Token);
        await page.WaitForAsync("location.pathname === '/signin'", Token);
        await page.SetViewportAsync(390, 844, mobile: true, Token);
        await ShotAsync(page, "signin-390");
        Assert.Empty(page.Errors);
    }

    /// <summary>The elements that stick out past 390 px, for the failure message.</summary>
    private const string WiderThanTheScreen =
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 390)" +
        ".map(e => e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')).slice(0, 8).join(' ')";

    [Fact]
    public async Task HostileFinding_InTheBrowser_RunsNoScript()
    {
        var executable = Chromium.RequireExecutable();
        var scan = await server.LaunchAsync("http://127.0.0.1:9/browser-hostile/");
        await server.WithDbAsync(async db =>
        {
            var entity = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Scans, s => s.Id == scan, Token);
            db.Vulnerabilities.Add(new Storage.Entities.VulnerabilityEntity
            {
                Id = Guid.NewGuid(),
                ScanId = scan,
                WebsiteId = entity.WebsiteId,
                CheckId = "reflected-xss",
                Type = "Xss",
                Title = "<img src=x onerror=\"window.pwned=1\">",
                Severity = Core.Scans.Severity.High,
                Url = "http://127.0.0.1:9/?<script>window.pwned=2</script>",
                Method = "GET",
                RawResponse = "<script>window.pwned=3</script><svg onload=\"window.pwned=4\">",
                Fingerprint = "browser-hostile",
            });
            await db.SaveChangesAsync(Token);
        });
        await using var chromium = await Chromium.LaunchAsync(executable, Token);
        await using var page = await chromium.NewPageAsync(Token);
        await page.NavigateAsync(new Uri(server.BaseAddress, "/signin"), Token);
        await page.TypeAsync("#userId", WebFixture.AdminId.ToString(), Token);
        await page.TypeAsync("#token", WebFixture.AdminToken, Token);
        await page.PressKeyAsync("Enter", Token);
        await page.WaitForAsync("location.pathname === '/scans'", Token);

        await page.NavigateAsync(new Uri(server.BaseAddress, $"/scans/{scan}"), Token);
        await page.ClickAsync("details.finding summary", Token);
        await page.WaitForAsync("document.querySelector('details.finding').open", Token);

        Assert.Equal(JsonValueKind.Undefined, (await page.EvaluateAsync("window.pwned", Token)).ValueKind);
        Assert.Equal(0, (await page.EvaluateAsync("document.querySelectorAll('main img, main svg, main script').length", Token)).GetInt32());
        Assert.Contains("<script>window.pwned=3</script>", await page.TextAsync("document.querySelector('details.finding').textContent", Token), StringComparison.Ordinal);
    }

    private static async Task ShotAsync(CdpPage page, string name)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png");
        var png = await page.ScreenshotAsync(path, Token);
        TestContext.Current.AddAttachment(name + ".png", png, "image/png");
    }
}
