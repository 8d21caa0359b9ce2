using System.Net;

namespace Harrier.TestTargets.Tests.Endpoints;

public sealed class GeneratorEndpointsTests(TargetFixture fixture)
{
    [Fact]
    public async Task Crawl_FindsExactlyTheConfiguredNumberOfItems()
    {
        // Arrange
        var queue = new Queue<string>(["/gen/"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/gen/" };

        // Act
        while (queue.TryDequeue(out var path))
        {
            var response = await TargetRequests.GetAsync(fixture.Client, path);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            foreach (var link in Links.LocalPaths(response.Body).Where(l => l.StartsWith("/gen/", StringComparison.Ordinal)))
            {
                if (seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }
        }

        // Assert
        var items = seen.Where(p => p.StartsWith("/gen/item/", StringComparison.Ordinal)).ToList();
        Assert.Equal(TargetFixture.GeneratedPages, items.Count);
        Assert.Equal((TargetFixture.GeneratedPages + 49) / 50, seen.Count(p => p.StartsWith("/gen/page/", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/gen/item/0")]
    [InlineData("/gen/item/121")]
    [InlineData("/gen/item/-1")]
    [InlineData("/gen/item/abc")]
    [InlineData("/gen/page/4")]
    public async Task OutOfRange_Answers404(string path)
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, path);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task Item_IsAStableHtmlPage_WithContentLength()
    {
        // Act
        using var response = await fixture.Client.GetAsync("/gen/item/7", TestContext.Current.CancellationToken);
        var first = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var second = (await TargetRequests.GetAsync(fixture.Client, "/gen/item/7")).Body;

        // Assert
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(first), response.Content.Headers.ContentLength);
        Assert.Equal(first, second);
        Assert.Contains("<a href=\"/gen/item/8\">", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/gen/item/6\">", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultSize_IsTenThousandPages()
    {
        // Arrange
        await using var target = await TestTargetServer.StartAsync(TestContext.Current.CancellationToken);
        using var client = TargetFixture.CreateClient();
        client.BaseAddress = target.BaseUrl;

        // Act
        var last = await TargetRequests.GetAsync(client, "/gen/item/10000");
        var beyond = await TargetRequests.GetAsync(client, "/gen/item/10001");
        var lastPage = await TargetRequests.GetAsync(client, "/gen/page/200");

        // Assert
        Assert.Equal(TestTargetOptions.DefaultGeneratedPages, target.Options.GeneratedPages);
        Assert.Equal(HttpStatusCode.OK, last.Status);
        Assert.Contains("<a href=\"/gen/item/1\">", last.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, beyond.Status);
        Assert.Contains("<a href=\"/gen/item/10000\">", lastPage.Body, StringComparison.Ordinal);
    }
}
