using System.Collections.Concurrent;
using System.Net;
using Harrier.Core.Findings;
using Harrier.Engine.Checks;
using Harrier.Engine.Checks.Active.Xss;
using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Checks.Active.Xss;

public sealed class StoredXssCheckTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _guestbook = new();
    private readonly ConcurrentQueue<string> _wall = new();
    private readonly ConcurrentQueue<string> _safe = new();
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Html("<a href=\"/guestbook\">guestbook</a> <a href=\"/wall\">wall</a> <a href=\"/safe/guestbook\">safe</a> <a href=\"/preview\">preview</a>"));

            // Post/redirect/get: the comment shows on the page the POST redirects to.
            app.MapGet("/guestbook", () => Html(List(_guestbook, encode: false) + Form("/guestbook")));
            app.MapPost("/guestbook", (HttpRequest request) => Store(_guestbook, request, Results.Redirect("/guestbook")));

            // The POST answers "thanks"; the message shows only on another page, found by the second look.
            app.MapGet("/message", () => Html(Form("/message")));
            app.MapPost("/message", (HttpRequest request) => Store(_wall, request, Html("<p>Thanks!</p>")));
            app.MapGet("/wall", () => Html("<a href=\"/message\">write</a>" + List(_wall, encode: false)));

            app.MapGet("/safe/guestbook", () => Html(List(_safe, encode: true) + Form("/safe/guestbook")));
            app.MapPost("/safe/guestbook", (HttpRequest request) => Store(_safe, request, Results.Redirect("/safe/guestbook")));

            // Reflected, not stored: the stored check must not report it.
            app.MapGet("/preview", () => Html(Form("/preview")));
            app.MapPost("/preview", (HttpRequest request) => Html("<div>" + request.Form["comment"] + "</div>"));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Reports_WhenRedirectTargetShowsThePayload()
    {
        var run = await RunAsync("/guestbook", lookAgainAt: []);

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("PermanentXss", "POST", "comment", "Form"), (finding.Type, finding.Method, finding.Parameter, finding.ParameterLocation));
        Assert.Equal(_server.Url("/guestbook").AbsoluteUri, finding.Url);
        Assert.Contains("GET /guestbook", finding.Evidence!.RawRequest, StringComparison.Ordinal);
        Assert.Contains(finding.Payload!, finding.Evidence.RawResponse, StringComparison.Ordinal);
        Assert.Equal(0, run.SecondLookRequests);
    }

    [Fact]
    public async Task Reports_OnSecondLook_AtTheSubmittingRequest_WithThePageAsEvidence()
    {
        var run = await RunAsync("/message", lookAgainAt: ["/", "/wall", "/message"]);

        var finding = Assert.Single(run.Findings);
        Assert.Equal(("PermanentXss", _server.Url("/message").AbsoluteUri, "comment"), (finding.Type, finding.Url, finding.Parameter));
        Assert.Contains("GET /wall", finding.Evidence!.RawRequest, StringComparison.Ordinal);
        Assert.Contains("/wall", finding.Evidence.Proof, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/safe/guestbook", "/safe/guestbook")]
    [InlineData("/preview", "/preview")]
    public async Task DoesNotReport_EncodedStorage_OrMereReflection(string form, string page)
    {
        var run = await RunAsync(form, lookAgainAt: ["/", page]);

        Assert.Empty(run.Findings);
        Assert.NotEmpty(run.Planted);
    }

    [Fact]
    public async Task SecondLook_StaysWithinItsBudget_AndSendsNothingWhenNothingWasPlanted()
    {
        var check = new StoredXssCheck();
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri));
        var pages = Enumerable.Range(0, 200).Select(i => ScanHttpRequest.Get(_server.Url("/wall?p=" + i))).ToList();
        var planted = new PlantedPayloads();
        var reporter = new ListReporter();

        var before = _server.RequestCount;
        await check.LookAgainAsync(new SecondLookContext(client, pages, planted, AttackStrength.Low, reporter), TestContext.Current.CancellationToken);
        Assert.Equal(before, _server.RequestCount);

        planted.Add(new PlantedPayload("hrrnotshown", "<img src=x onerror=hrrnotshown>", ScanHttpRequest.Get(_server.Url("/x?a=1")), Point(ScanHttpRequest.Get(_server.Url("/x?a=1")))));
        await check.LookAgainAsync(new SecondLookContext(client, pages, planted, AttackStrength.Low, reporter), TestContext.Current.CancellationToken);
        Assert.Equal(SecondLookContext.For(AttackStrength.Low), _server.RequestCount - before);
        Assert.Empty(reporter.Findings);
    }

    [Fact]
    public async Task Scan_ReportsStoredXssOnce_AtThePost_AndNoReflectedXssOnTheGuestbook()
    {
        var sink = new RecordingSink();
        var policy = Scans.FastPolicy with { EnabledCheckIds = new HashSet<string> { "reflected-xss", "stored-xss" } };

        var outcome = await Scans.RunAsync(Scans.Configuration(_server.BaseUri), sink, policy);

        Assert.Equal(ScanOutcomeKind.Completed, outcome.Kind);
        var findings = sink.Findings.Where(f => f.Url.Contains("guestbook", StringComparison.Ordinal) || f.Url.Contains("/message", StringComparison.Ordinal) || f.Url.Contains("/wall", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [("PermanentXss", "POST", "/guestbook", "comment"), ("PermanentXss", "POST", "/message", "comment")],
            findings.Select(f => (f.Type, f.Method, new Uri(f.Url).AbsolutePath, f.Parameter)).Order());
        Assert.Contains(sink.Findings, f => f.Type == "Xss" && f.Url.EndsWith("/preview", StringComparison.Ordinal));
    }

    private async Task<StoredRun> RunAsync(string formPath, IReadOnlyList<string> lookAgainAt)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var check = new StoredXssCheck();
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri));
        var request = ScanHttpRequest.FormPost(_server.Url(formPath), "comment=Nice+site");
        var planted = new PlantedPayloads();
        var reporter = new ListReporter();
        var point = Point(request);
        var context = new ActiveCheckContext(client, request, baseline: null, point, AttackStrength.Medium, reporter, planted: planted);
        await check.RunAsync(context, cancellationToken);
        Assert.InRange(context.RequestsUsed, 1, context.Budget);

        var before = _server.RequestCount;
        var pages = lookAgainAt.Select(p => ScanHttpRequest.Get(_server.Url(p))).ToList();
        await check.LookAgainAsync(new SecondLookContext(client, pages, planted, AttackStrength.Medium, reporter), cancellationToken);
        return new StoredRun(reporter.Findings, planted.All, _server.RequestCount - before);
    }

    private static InsertionPoint Point(ScanHttpRequest request) =>
        InsertionPointEnumerator.Enumerate(request, InsertionPointOptions.ParametersOnly)[0];

    private static IResult Store(ConcurrentQueue<string> store, HttpRequest request, IResult answer)
    {
        store.Enqueue(request.Form["comment"].ToString());
        return answer;
    }

    private static string List(ConcurrentQueue<string> store, bool encode) =>
        "<ul>" + string.Concat(store.Select(c => "<li>" + (encode ? WebUtility.HtmlEncode(c) : c) + "</li>")) + "</ul>";

    private static string Form(string action) =>
        "<form method=\"post\" action=\"" + action + "\"><textarea name=\"comment\"></textarea><button>Send</button></form>";

    private static IResult Html(string body) => Results.Content("<html><body>" + body + "</body></html>", "text/html; charset=utf-8");

    private sealed record StoredRun(IReadOnlyList<Finding> Findings, IReadOnlyCollection<PlantedPayload> Planted, int SecondLookRequests);

    private sealed class ListReporter : IFindingReporter
    {
        public List<Finding> Findings { get; } = [];

        public ValueTask ReportAsync(Finding finding, CancellationToken cancellationToken)
        {
            lock (Findings)
            {
                Findings.Add(finding);
            }

            return ValueTask.CompletedTask;
        }
    }
}
