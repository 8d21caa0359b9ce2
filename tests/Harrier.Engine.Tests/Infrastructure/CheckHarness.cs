using Harrier.Core.Findings;
using Harrier.Engine.Checks;
using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;
using Harrier.Engine.OutOfBand;

namespace Harrier.Engine.Tests.Infrastructure;

/// <summary>Runs one active check on every parameter of one request against a loopback server, like the engine would.</summary>
internal static class CheckHarness
{
    public static Task<CheckRun> RunActiveAsync(
        IActiveCheck check,
        LoopbackServer server,
        ScanHttpRequest request,
        AttackStrength strength = AttackStrength.Medium,
        OutOfBandListener? outOfBand = null) =>
        RunActiveAsync(check, server.BaseUri, () => server.RequestCount, request, strength, outOfBand);

    /// <summary>Runs against any loopback target (e.g. a TestTargets server); <paramref name="requestCount"/> reads how many requests it received.</summary>
    public static async Task<CheckRun> RunActiveAsync(
        IActiveCheck check,
        Uri target,
        Func<int> requestCount,
        ScanHttpRequest request,
        AttackStrength strength = AttackStrength.Medium,
        OutOfBandListener? outOfBand = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = Scans.Client(Scans.Configuration(target));
        var baseline = (await client.SendAsync(request, cancellationToken)).Response;
        var before = requestCount();
        var reporter = new ListReporter();
        var perPoint = new List<int>();
        foreach (var point in InsertionPointEnumerator.Enumerate(request, InsertionPointOptions.ParametersOnly))
        {
            var context = new ActiveCheckContext(client, request, baseline, point, strength, reporter, outOfBand: outOfBand);
            await check.RunAsync(context, cancellationToken);
            perPoint.Add(context.RequestsUsed);
        }

        return new CheckRun([.. reporter.Findings], requestCount() - before, perPoint);
    }

    /// <summary>
    /// Runs one resource check on each of <paramref name="pages"/> (fetched first, like the crawler would) sharing one
    /// scan's claims; <see cref="CheckRun.RequestsPerInsertionPoint"/> holds the requests used per page.
    /// </summary>
    public static async Task<CheckRun> RunResourceAsync(
        IResourceCheck check,
        LoopbackServer server,
        IReadOnlyList<Uri> pages,
        AttackStrength strength = AttackStrength.Medium,
        Harrier.Core.Scans.ScanConfiguration? configuration = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = Scans.Client(configuration ?? Scans.Configuration(server.BaseUri));
        var reporter = new ListReporter();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var perPage = new List<int>();
        var received = 0;
        foreach (var page in pages)
        {
            var response = (await client.SendAsync(ScanHttpRequest.Get(page), cancellationToken)).Response
                ?? throw new InvalidOperationException("The page " + page + " did not answer.");
            var before = server.RequestCount;
            var context = new ResourceCheckContext(client, response.Request, response, strength, reporter, claimed.Add);
            await check.RunAsync(context, cancellationToken);
            perPage.Add(context.RequestsUsed);
            received += server.RequestCount - before;
        }

        return new CheckRun([.. reporter.Findings], received, perPage);
    }

    public static ScanHttpResponse Response(string url, int status, string contentType, string body, params (string Name, string Value)[] headers)
    {
        var all = headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).Append(new("Content-Type", contentType)).ToList();
        return new ScanHttpResponse(
            ScanHttpRequest.Get(new Uri(url)), status, "OK", "1.1", all, System.Text.Encoding.UTF8.GetBytes(body), false, TimeSpan.Zero);
    }

    /// <summary>Runs a passive check over <paramref name="responses"/> sharing one scan's "report once" keys.</summary>
    public static IReadOnlyList<Finding> RunPassive(IPassiveCheck check, params ScanHttpResponse[] responses)
    {
        using var client = Scans.Client(Scans.Configuration(new Uri("http://127.0.0.1/")));
        var claimed = new HashSet<string>();
        var findings = new List<Finding>();
        foreach (var response in responses)
        {
            var context = new PassiveCheckContext(response, client, claimed.Add);
            check.Analyze(context);
            findings.AddRange(context.Findings);
        }

        return findings;
    }

    private sealed class ListReporter : IFindingReporter
    {
        private readonly Lock _lock = new();

        public List<Finding> Findings { get; } = [];

        public ValueTask ReportAsync(Finding finding, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                Findings.Add(finding);
            }

            return ValueTask.CompletedTask;
        }
    }
}
