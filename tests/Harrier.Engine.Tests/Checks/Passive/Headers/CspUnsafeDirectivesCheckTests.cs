using Harrier.Engine.Checks.Passive.Headers;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Headers;

public sealed class CspUnsafeDirectivesCheckTests
{
    private const string Page = "<html><body>hi</body></html>";

    [Theory]
    [InlineData("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'", "UnsafeCspInstructionDetected")]
    [InlineData("Content-Security-Policy", "default-src 'self' 'unsafe-eval'", "UnsafeCspInstructionDetected")]
    [InlineData("Content-Security-Policy", "script-src *; object-src 'none'", "WildcardDetectedInDomain")]
    [InlineData("Content-Security-Policy-Report-Only", "default-src 'self'", "CspReportOnlyHeaderDetectedWithoutReportUri")]
    public void Reports_UnsafePolicies(string header, string value, string type)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/page", 200, "text/html", Page, (header, value));
        var again = CheckHarness.Response("http://127.0.0.1:5000/other", 200, "text/html", Page, (header, value));

        var findings = CheckHarness.RunPassive(new CspUnsafeDirectivesCheck(), response, again);

        var finding = Assert.Single(findings);
        Assert.Equal(type, finding.Type);
        Assert.Equal("http://127.0.0.1:5000/page", finding.Url);
    }

    [Theory]
    [InlineData("Content-Security-Policy", "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'")]
    [InlineData("Content-Security-Policy", "script-src 'nonce-r4nd0m' 'unsafe-inline' 'strict-dynamic'; object-src 'none'")]
    [InlineData("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src *")]
    [InlineData("Content-Security-Policy-Report-Only", "default-src 'self'; report-uri /csp")]
    [InlineData("Content-Security-Policy-Report-Only", "default-src 'self'; report-to csp-endpoint")]
    public void DoesNotReport_SafePolicies(string header, string value)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/", 200, "text/html", Page, (header, value));

        Assert.Empty(CheckHarness.RunPassive(new CspUnsafeDirectivesCheck(), response));
    }
}
