using Harrier.Engine.Http;
using Harrier.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Harrier.Engine.Tests.Http;

/// <summary><see cref="EnginePolicy.MaxResponseBytes"/> bounds what is read, <see cref="EnginePolicy.MaxEvidenceChars"/> what a finding keeps.</summary>
public sealed class ResponseLimitsTests : IAsyncLifetime
{
    private const string Marker = "[truncated by Harrier]";
    private LoopbackServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/big", () => Results.Text(new string('a', 100_000)));
            app.MapGet("/small", () => Results.Text("small page"));
            app.MapGet("/nul", () => Results.Text(new string('\0', 3000)));
            app.MapGet("/wide-header", (HttpContext context) =>
            {
                context.Response.Headers["X-Wide"] = new string('h', 3000);
                return "after a wide header";
            });
            app.MapGet("/emoji", () => Results.Text(string.Concat(Enumerable.Repeat("\U0001F600", 5000))));
        }, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData(4096, 1024)]
    [InlineData(2048, 256)]
    [InlineData(16_384, 10_000)]
    public async Task LargerResponse_IsCut_AndEvidenceKeepsAtMostTheCap(int maxResponseBytes, int maxEvidenceChars)
    {
        var (response, evidence) = await SendAsync("/big", maxResponseBytes, maxEvidenceChars);

        Assert.Equal(maxResponseBytes, response.Body.Length);
        Assert.True(response.IsTruncated);
        Assert.InRange(evidence.Length, maxEvidenceChars - 2, maxEvidenceChars);
        Assert.EndsWith(Marker, evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResponseUnderTheReadCap_IsWhole_ButEvidenceIsStillCapped()
    {
        var (response, evidence) = await SendAsync("/big", 200_000, 1024);

        Assert.Equal(100_000, response.Body.Length);
        Assert.False(response.IsTruncated);
        Assert.InRange(evidence.Length, 1000, 1024);
        Assert.EndsWith(Marker, evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmallResponse_IsKeptWhole()
    {
        var (response, evidence) = await SendAsync("/small", 4096, 1024);

        Assert.False(response.IsTruncated);
        Assert.EndsWith("\r\n\r\nsmall page", evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nul")] // every NUL is shown as two characters
    [InlineData("/wide-header")] // the headers alone are longer than the cap
    [InlineData("/emoji")] // surrogate pairs are not split
    public async Task Evidence_NeverExceedsTheCap(string path)
    {
        var (_, evidence) = await SendAsync(path, 64 * 1024, 1024);

        Assert.InRange(evidence.Length, 900, 1024);
        Assert.EndsWith(Marker, evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("\0", evidence, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(evidence[^(Marker.Length + 3)]));
    }

    private async Task<(ScanHttpResponse Response, string Evidence)> SendAsync(string path, int maxResponseBytes, int maxEvidenceChars)
    {
        var policy = Scans.FastPolicy with { MaxResponseBytes = maxResponseBytes, MaxEvidenceChars = maxEvidenceChars };
        policy.Validate();
        using var client = Scans.Client(Scans.Configuration(_server.BaseUri), policy);
        var response = (await client.SendAsync(ScanHttpRequest.Get(_server.Url(path)), TestContext.Current.CancellationToken)).Response!;
        return (response, client.CreateEvidence(response, null).RawResponse);
    }
}
