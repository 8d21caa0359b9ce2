using System.Net;

namespace Harrier.Api.Tests;

/// <summary>A server with <c>Harrier:Api:AutoRegisterWebsites=false</c>.</summary>
public sealed class NoAutoRegistrationFixture : HarrierApiFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [KeyValuePair.Create("Harrier:Api:AutoRegisterWebsites", (string?)"false")];
}

public sealed class AutoRegistrationOffTests(NoAutoRegistrationFixture fixture) : IClassFixture<NoAutoRegistrationFixture>
{
    [Fact]
    public async Task New_ForAnUnregisteredTarget_Is400_ForARegisteredOne_Is201()
    {
        var client = fixture.Client();

        var (unregistered, error) = await client.PostJsonAsync("/api/1.0/scans/new", new { TargetUri = "http://127.0.0.1:9/app/" });
        await client.PostJsonAsync("/api/1.0/websites/new", new { RootUrl = "http://127.0.0.1:9/", Name = "Registered" });
        var (registered, created) = await client.PostJsonAsync("/api/1.0/scans/new", new { TargetUri = "http://127.0.0.1:9/app/" });

        Assert.Equal(HttpStatusCode.BadRequest, unregistered);
        Assert.Contains("websites/new", (string)error!["Message"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, registered);
        Assert.Equal("Registered", (string?)created![0]!["WebsiteName"]);
    }
}
