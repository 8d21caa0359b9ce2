using Harrier.Engine.Checks;
using Harrier.Engine.Http;
using Harrier.Engine.OutOfBand;
using Harrier.TestTargets;

namespace Harrier.Engine.Tests.Infrastructure;

/// <summary>
/// A TestTargets server plus an out-of-band listener on loopback, for the SSRF, XXE and RFI check tests. Callbacks
/// from the vulnerable pages arrive before their responses, so positive tests never wait; the short
/// <see cref="OutOfBandOptions.CallbackWait"/> only bounds how long negative tests wait for nothing.
/// </summary>
internal sealed class OutOfBandTarget : IAsyncDisposable
{
    private int _requests;

    private OutOfBandTarget()
    {
    }

    public TestTargetServer Server { get; private set; } = null!;

    public OutOfBandListener Listener { get; private set; } = null!;

    public static async Task<OutOfBandTarget> StartAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var target = new OutOfBandTarget();
        target.Server = await TestTargetServer.StartAsync(
            new TestTargetOptions { GeneratedPages = 10, OnRequest = (_, _) => Interlocked.Increment(ref target._requests) }, cancellationToken);
        target.Listener = await OutOfBandListener.StartAsync(
            new OutOfBandOptions { CallbackWait = TimeSpan.FromMilliseconds(300) }, TimeProvider.System, null, cancellationToken);
        return target;
    }

    public Task<CheckRun> RunAsync(IActiveCheck check, ScanHttpRequest request, AttackStrength strength = AttackStrength.Medium, bool withListener = true) =>
        CheckHarness.RunActiveAsync(check, Server.BaseUrl, () => Volatile.Read(ref _requests), request, strength, withListener ? Listener : null);

    public ScanHttpRequest Get(string pathAndQuery) => ScanHttpRequest.Get(Server.GetUrl(pathAndQuery));

    public ScanHttpRequest PostXml(string path, string body) =>
        new("POST", Server.GetUrl(path)) { Body = body, ContentType = "application/xml" };

    public async ValueTask DisposeAsync()
    {
        await Listener.DisposeAsync();
        await Server.DisposeAsync();
    }
}
