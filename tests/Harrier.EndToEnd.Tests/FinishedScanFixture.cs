using Harrier.Api.Tests;
using Harrier.TestTargets;

namespace Harrier.EndToEnd.Tests;

/// <summary>A server with agents and one finished scan of the vulnerable test target, for report tests.</summary>
public sealed class FinishedScanFixture : IAsyncLifetime
{
    private readonly ScanningFixture _server = new();
    private TestTargetServer? _target;

    public string ScanId { get; private set; } = "";

    public HttpClient Client() => _server.Client();

    public HttpClient OtherUserClient() => _server.OtherUserClient();

    public async ValueTask InitializeAsync()
    {
        await _server.InitializeAsync();
        _target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 20 });
        var scan = await _server.Client().LaunchAsync(_target.GetUrl("/vuln/").AbsoluteUri);
        ScanId = scan.Id();
        await _server.Client().WaitForStateAsync(ScanId, "Complete");
    }

    public async ValueTask DisposeAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }

        await _server.DisposeAsync();
    }
}
