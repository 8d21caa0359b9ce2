using System.Net;

namespace Harrier.Api.Tests;

/// <summary>A server that allows three failed authentications per client per minute.</summary>
public sealed class StrictAuthenticationFixture : HarrierApiFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        KeyValuePair.Create("Harrier:Api:FailedAuthenticationLimit", (string?)"3"),
        KeyValuePair.Create("Harrier:Api:FailedAuthenticationWindow", (string?)"00:01:00"),
    ];
}

public sealed class FailedAuthenticationTests(StrictAuthenticationFixture fixture) : IClassFixture<StrictAuthenticationFixture>
{
    [Fact]
    public async Task RepeatedFailures_From_OneClient_Get429WithRetryAfter_EvenWithTheRightTokenAfterwards()
    {
        // Arrange
        var ok = await fixture.Client().GetAsync("/api/1.0/account/me", Api.Ct);
        var guesser = fixture.Client(HarrierApiFixture.AdminId.ToString(), "guess");

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await guesser.GetAsync("/api/1.0/account/me", Api.Ct);
            statuses.Add(response.StatusCode);
        }

        using var blocked = await fixture.Client().GetAsync("/api/1.0/account/me", Api.Ct);
        var body = await blocked.Content.ReadAsStringAsync(Api.Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.InRange(int.Parse(blocked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("Message", body, StringComparison.Ordinal);
    }
}
