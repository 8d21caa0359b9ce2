using Harrier.Engine.Checks.Passive.Headers;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Headers;

public sealed class MissingXContentTypeOptionsCheckTests
{
    [Fact]
    public void Reports_WhenNosniffIsMissingOrWrong_OncePerSite()
    {
        // Arrange
        var missing = CheckHarness.Response("http://127.0.0.1:5000/a", 200, "text/html", "<p>a</p>");
        var wrong = CheckHarness.Response("http://127.0.0.1:5001/b", 200, "application/json", "{}", ("X-Content-Type-Options", "sniff"));
        var again = CheckHarness.Response("http://127.0.0.1:5000/c", 200, "text/css", "p{}");

        // Act
        var findings = CheckHarness.RunPassive(new MissingXContentTypeOptionsCheck(), missing, wrong, again);

        // Assert
        Assert.Equal(["http://127.0.0.1:5000/a", "http://127.0.0.1:5001/b"], findings.Select(f => f.Url));
        Assert.All(findings, f => Assert.Equal("MissingXContentTypeOptionsHeader", f.Type));
        Assert.Contains("sniff", findings[1].Evidence!.Proof, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, "nosniff")]
    [InlineData(200, " NoSniff ")]
    [InlineData(404, null)]
    [InlineData(302, null)]
    public void DoesNotReport_WhenNosniffIsSetOrResponseIsNotSuccessful(int status, string? value)
    {
        var headers = value is null ? [] : new[] { ("X-Content-Type-Options", value) };
        var response = CheckHarness.Response("http://127.0.0.1:5000/", status, "text/html", "<p>x</p>", headers);

        Assert.Empty(CheckHarness.RunPassive(new MissingXContentTypeOptionsCheck(), response));
    }
}
