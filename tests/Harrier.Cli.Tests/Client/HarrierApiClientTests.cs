using System.Net;
using System.Text;
using Harrier.Client;

namespace Harrier.Cli.Tests.Client;

/// <summary>The HTTP client against canned answers: authentication, error messages, report downloads.</summary>
public sealed class HarrierApiClientTests
{
    [Fact]
    public async Task Requests_SendBasicUserIdColonToken_AndTheIdAsABareJsonString()
    {
        // Arrange
        var handler = new CannedHandler(HttpStatusCode.Created, """{"Id":"11111111-2222-3333-4444-555555555555","State":"Queued"}""");
        using var client = Create(handler, new ServerConnection(new Uri("http://harrier.test/base/"), "user-1", "token-1"));
        var source = Guid.Parse("9c387292-1f9f-46d8-ba6d-4e6ecc7c4603");

        // Act
        var scan = await client.NewFromScanAsync(source, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(Guid.Parse("11111111-2222-3333-4444-555555555555"), scan.Id);
        Assert.Equal("http://harrier.test/base/api/1.0/scans/newfromscan", handler.LastUri!.AbsoluteUri);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user-1:token-1")), handler.LastAuthorization);
        Assert.Equal("\"9c387292-1f9f-46d8-ba6d-4e6ecc7c4603\"", handler.LastBody);
    }

    [Fact]
    public async Task Error_CarriesMessageAndModelState_OnOneLine()
    {
        var handler = new CannedHandler(HttpStatusCode.BadRequest,
            """{"Message":"The request is invalid.","ModelState":{"model.TargetUri":["TargetUri is required."]}}""");
        using var client = Create(handler, new ServerConnection(new Uri("http://harrier.test/"), null, "t"));

        var error = await Assert.ThrowsAsync<HarrierApiException>(() =>
            client.NewScanAsync(new Contracts.Models.NewScanTaskApiModel(), TestContext.Current.CancellationToken));

        Assert.Equal("The request is invalid. TargetUri: TargetUri is required.", error.Message);
        Assert.True(error.IsClientError);
    }

    [Fact]
    public async Task DownloadReport_CopiesTheBody_AndAsksTheContractQuery()
    {
        var handler = new CannedHandler(HttpStatusCode.OK, "<html>report</html>");
        using var client = Create(handler, new ServerConnection(new Uri("http://harrier.test/"), null, "t"));
        using var output = new MemoryStream();
        var id = Guid.NewGuid();

        await client.DownloadReportAsync(id, "ScanDetail", "Html", output, TestContext.Current.CancellationToken);

        Assert.Equal("<html>report</html>", Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal($"/api/1.0/scans/report/?id={id:D}&type=ScanDetail&format=Html", handler.LastUri!.PathAndQuery);
    }

    [Fact]
    public async Task DownloadReport_OfAnUnfinishedScan_IsAClientErrorWithTheServersMessage()
    {
        var handler = new CannedHandler(HttpStatusCode.BadRequest, """{"Message":"The scan has not finished yet."}""");
        using var client = Create(handler, new ServerConnection(new Uri("http://harrier.test/"), null, "t"));
        using var output = new MemoryStream();

        var error = await Assert.ThrowsAsync<HarrierApiException>(() =>
            client.DownloadReportAsync(Guid.NewGuid(), "Vulnerabilities", "Json", output, TestContext.Current.CancellationToken));

        Assert.Equal("The scan has not finished yet.", error.Message);
        Assert.True(error.IsClientError);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task ServerError_WithoutJson_NamesTheStatus()
    {
        var handler = new CannedHandler(HttpStatusCode.BadGateway, "<html>proxy error</html>");
        using var client = Create(handler, new ServerConnection(new Uri("http://harrier.test/"), null, "t"));

        var error = await Assert.ThrowsAsync<HarrierApiException>(() => client.ListAsync(1, 20, TestContext.Current.CancellationToken));

        Assert.Contains("502", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsClientError);
    }

    private static HarrierApiClient Create(CannedHandler handler, ServerConnection connection) => HarrierApiClient.Create(connection, handler);

    private sealed class CannedHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public Uri? LastUri { get; private set; }

        public string? LastAuthorization { get; private set; }

        public string? LastBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastUri = request.RequestUri;
            LastAuthorization = request.Headers.Authorization?.ToString();
            LastBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
