using Harrier.Core.Scans;
using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Http;

public sealed class ScanHttpClientTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => "home");
            app.MapGet("/logout", () => "bye");
            app.MapGet("/set", (HttpContext context) =>
            {
                context.Response.Headers.Append("Set-Cookie", "session=abc123; Path=/; HttpOnly");
                return "set";
            });
            app.MapGet("/cookies", (HttpRequest request) => request.Headers.Cookie.ToString());
            app.MapGet("/headers", (HttpRequest request) => request.Headers.UserAgent + "|" + request.Headers.Authorization + "|" + request.Headers["X-Api-Key"]);
            app.MapGet("/big", () => Results.Text(new string('a', 100_000)));
            app.MapGet("/binary", () => Results.Bytes([0, 1, 2, 255, 254, 0, 0], "text/html; charset=does-not-exist"));
            app.MapGet("/redirect", () => Results.Redirect("/"));
            app.MapGet("/reset", (HttpContext context) => { context.Abort(); return Task.CompletedTask; });
            app.MapGet("/hang", async (CancellationToken ct) => { await Task.Delay(Timeout.Infinite, ct); return "never"; });
            app.MapDelete("/", () => "deleted");
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_ExcludedLink_IsNotSent()
    {
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri));

        var result = await client.SendAsync(ScanHttpRequest.Get(_server.Url("/logout")), Token);

        Assert.Equal(SendError.Excluded, result.Error);
        Assert.Equal(0, _server.RequestCount);
        Assert.Equal(0, client.RequestsSent);
    }

    [Fact]
    public async Task Send_ExcludedLink_IsSentWhenExclusionIsOff()
    {
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri) with { ExcludeLinks = false });

        var result = await client.SendAsync(ScanHttpRequest.Get(_server.Url("/logout")), Token);

        Assert.Equal(200, result.Response?.StatusCode);
    }

    [Fact]
    public async Task Send_DisallowedMethod_IsNotSent()
    {
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri) with { DisallowedHttpMethods = [HttpMethodName.DELETE] });

        var result = await client.SendAsync(new ScanHttpRequest("DELETE", _server.BaseUri), Token);

        Assert.Equal(SendError.MethodDisallowed, result.Error);
        Assert.Equal(0, _server.RequestCount);
    }

    [Fact]
    public async Task Send_UsesCookieJar_SeededAndUpdated()
    {
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri) with { Cookies = "theme=dark; lang=en" });

        await client.SendAsync(ScanHttpRequest.Get(_server.Url("/set")), Token);
        var result = await client.SendAsync(ScanHttpRequest.Get(_server.Url("/cookies")), Token);

        var cookies = result.Response!.BodyText;
        Assert.Contains("theme=dark", cookies, StringComparison.Ordinal);
        Assert.Contains("lang=en", cookies, StringComparison.Ordinal);
        Assert.Contains("session=abc123", cookies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AddsUserAgentAndTargetCredentials_AndRedactsThemInEvidence()
    {
        var authentication = new TargetAuthentication
        {
            Basic = new BasicAuthentication(true, [new BasicCredential(BasicAuthenticationType.Basic, _server.BaseUri.AbsoluteUri, "bob", new EncryptedSecret("pw"), null)]),
            Headers = [new SecretHeader("X-Api-Key", new EncryptedSecret("key"))],
        };
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri) with { Authentication = authentication });

        var response = (await client.SendAsync(ScanHttpRequest.Get(_server.Url("/headers")), Token)).Response!;

        var parts = response.BodyText.Split('|');
        Assert.Equal(Scans.FastPolicy.UserAgent, parts[0]);
        Assert.Equal("Basic " + Convert.ToBase64String("bob:plain:pw"u8.ToArray()), parts[1]);
        Assert.Equal("plain:key", parts[2]);
        var evidence = client.CreateEvidence(response, null);
        Assert.DoesNotContain("plain:key", evidence.RawRequest, StringComparison.Ordinal);
        Assert.DoesNotContain(parts[1], evidence.RawRequest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_CapsResponseSize()
    {
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri), Scans.FastPolicy with { MaxResponseBytes = 4096 });

        var response = (await client.SendAsync(ScanHttpRequest.Get(_server.Url("/big")), Token)).Response!;

        Assert.Equal(4096, response.Body.Length);
        Assert.True(response.IsTruncated);
    }

    [Fact]
    public async Task Send_SurvivesBinaryBodyWithInvalidCharset()
    {
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri));

        var response = (await client.SendAsync(ScanHttpRequest.Get(_server.Url("/binary")), Token)).Response!;

        Assert.Equal(7, response.Body.Length);
        Assert.NotNull(response.BodyText);
        Assert.DoesNotContain("\0", client.CreateEvidence(response, null).RawResponse, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_DoesNotFollowRedirects()
    {
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri));

        var response = (await client.SendAsync(ScanHttpRequest.Get(_server.Url("/redirect")), Token)).Response!;

        Assert.True(response.IsRedirect);
        Assert.Equal(1, _server.RequestCount);
    }

    [Fact]
    public async Task Send_ResetConnection_IsAFailureNotAnException()
    {
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri));

        var result = await client.SendAsync(ScanHttpRequest.Get(_server.Url("/reset")), Token);

        Assert.Null(result.Response);
        Assert.NotEqual(SendError.None, result.Error);
        Assert.Equal(1, client.Failures);
    }

    [Fact]
    public async Task Send_HangingTarget_TimesOut()
    {
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri), Scans.FastPolicy with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var result = await client.SendAsync(ScanHttpRequest.Get(_server.Url("/hang")), Token);

        Assert.Equal(SendError.Timeout, result.Error);
    }

    [Fact]
    public async Task Send_WaitsWhilePaused_ThenSends()
    {
        // Arrange
        var gate = new PauseGate();
        gate.Pause();
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri), gate: gate);

        // Act
        var sending = client.SendAsync(ScanHttpRequest.Get(_server.BaseUri), Token);
        await Task.Yield();

        // Assert
        Assert.False(sending.IsCompleted);
        Assert.Equal(0, _server.RequestCount);
        gate.Resume();
        Assert.Equal(200, (await sending).Response?.StatusCode);
        Assert.Equal(1, _server.RequestCount);
    }

    [Fact]
    public async Task Send_Cancelled_StopsPromptly()
    {
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var sending = client.SendAsync(ScanHttpRequest.Get(_server.Url("/hang")), cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }
}
