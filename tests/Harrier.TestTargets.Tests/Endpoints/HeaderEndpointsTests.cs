namespace Harrier.TestTargets.Tests.Endpoints;

public sealed class HeaderEndpointsTests(TargetFixture fixture)
{
    private static readonly string[] s_headers = ["X-Frame-Options", "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"];

    [Theory]
    [InlineData("x-frame-options", "X-Frame-Options")]
    [InlineData("csp", "Content-Security-Policy")]
    [InlineData("x-content-type-options", "X-Content-Type-Options")]
    [InlineData("referrer-policy", "Referrer-Policy")]
    public async Task MissingPage_LacksExactlyOneHeader(string slug, string missing)
    {
        // Act
        var hole = await TargetRequests.GetAsync(fixture.Client, "/vuln/headers/missing-" + slug);
        var twin = await TargetRequests.GetAsync(fixture.Client, "/safe/headers/missing-" + slug);

        // Assert
        foreach (var header in s_headers)
        {
            Assert.Equal(header == missing, hole.Header(header) is null);
            Assert.NotNull(twin.Header(header));
        }
    }
}
