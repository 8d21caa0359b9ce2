using System.Net;

[assembly: AssemblyFixture(typeof(Harrier.TestTargets.Tests.TargetFixture))]

namespace Harrier.TestTargets.Tests;

/// <summary>
/// One target for the whole test assembly (the endpoints are stateless apart from sessions and the guestbook),
/// configured with an out-of-scope base URL and a small generated site.
/// </summary>
public sealed class TargetFixture : IAsyncLifetime
{
    /// <summary>Nothing listens here; the target only renders links and redirects to it.</summary>
    public static readonly Uri OutOfScope = new("http://127.0.0.1:9/partner/");

    public const int GeneratedPages = 120;

    private TestTargetServer? _server;

    public TestTargetServer Server => _server ?? throw new InvalidOperationException("Not started.");

    /// <summary>No redirects followed, no cookie container: the tests see raw 3xx responses and Set-Cookie headers.</summary>
    public HttpClient Client { get; } = CreateClient();

    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    public async ValueTask InitializeAsync()
    {
        _server = await TestTargetServer.StartAsync(
            new TestTargetOptions { OutOfScopeBaseUrl = OutOfScope, GeneratedPages = GeneratedPages },
            TestContext.Current.CancellationToken);
        Client.BaseAddress = _server.BaseUrl;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
