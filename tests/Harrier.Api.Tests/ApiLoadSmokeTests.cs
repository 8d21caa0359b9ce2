using System.Collections.Concurrent;
using System.Net;

namespace Harrier.Api.Tests;

/// <summary>
/// The API load benchmark (bench/Harrier.Bench <c>api-load</c>, docs/BENCHMARKS.md) in miniature: many clients launch
/// with <c>newfromscan</c>, poll <c>status</c> and page <c>list</c> at once. No timing is asserted — only that every answer
/// is a success and that every acknowledged launch exists exactly once afterwards.
/// </summary>
public sealed class ApiLoadSmokeTests(HarrierApiFixture fixture) : IClassFixture<HarrierApiFixture>
{
    private const int Clients = 16;
    private const int LaunchesPerClient = 25;

    [Fact]
    public async Task ManyClientsLaunchingPollingAndPaging_AllSucceed_AndEveryAcknowledgedLaunchExistsOnce()
    {
        // Arrange
        var template = await fixture.Client().LaunchAsync("http://127.0.0.1:9/load-smoke/");
        var acknowledged = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();

        // Act
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            using var http = fixture.Client();
            for (var i = 0; i < LaunchesPerClient; i++)
            {
                var (launchStatus, launched) = await http.PostJsonAsync("/api/1.0/scans/newfromscan", $"\"{template.Id()}\"");
                if (launchStatus != HttpStatusCode.Created)
                {
                    failures.Add($"newfromscan {launchStatus}");
                    continue;
                }

                acknowledged.Add(launched.Id());
                var (status, _) = await http.GetJsonAsync($"/api/1.0/scans/status/{launched.Id()}");
                var (listStatus, _) = await http.GetJsonAsync($"/api/1.0/scans/list?page={1 + ((client + i) % 5)}&pageSize=20");
                if (status != HttpStatusCode.OK || listStatus != HttpStatusCode.OK)
                {
                    failures.Add($"status {status}, list {listStatus}");
                }
            }
        }));

        // Assert
        Assert.Empty(failures);
        Assert.Equal(Clients * LaunchesPerClient, acknowledged.Distinct().Count());
        var listed = new HashSet<string>();
        for (var page = 1; ; page++)
        {
            var (_, body) = await fixture.Client().GetJsonAsync($"/api/1.0/scans/list?page={page}&pageSize=200");
            var items = body!["List"]!.AsArray();
            Assert.All(items, item => Assert.True(listed.Add(item.Id()), "a scan was listed twice"));
            if (items.Count < 200)
            {
                Assert.Equal(listed.Count, (int)body["TotalItemCount"]!);
                break;
            }
        }

        Assert.Superset(acknowledged.ToHashSet(), listed);
        Assert.Equal(Clients * LaunchesPerClient + 1, listed.Count);
    }
}
