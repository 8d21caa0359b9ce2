using Harrier.Engine.Checks.Passive.Disclosure;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Disclosure;

public sealed class VersionDisclosureCheckTests
{
    [Theory]
    [InlineData("Server", "Apache/2.4.41 (Ubuntu)", "ApacheVersionDisclosure")]
    [InlineData("Server", "nginx/1.18.0", "NginxVersionDisclosure")]
    [InlineData("Server", "Microsoft-IIS/10.0", "IisVersionDisclosure")]
    [InlineData("X-Powered-By", "PHP/8.1.2-1ubuntu2", "PhpVersionDisclosure")]
    [InlineData("X-AspNet-Version", "4.0.30319", "AspNetVersionDisclosure")]
    [InlineData("X-AspNetMvc-Version", "5.2", "MvcVersionDisclosure")]
    [InlineData("Server", "Werkzeug/2.0.1 Python/3.9.5", "WerkzeugVersionDisclosure")]
    public void Reports_WhenHeaderCarriesAVersion_OncePerSite(string header, string value, string expectedType)
    {
        // Arrange
        var first = CheckHarness.Response("http://127.0.0.1:5000/a", 200, "text/html", "x", (header, value));
        var second = CheckHarness.Response("http://127.0.0.1:5000/b", 404, "text/html", "x", (header, value));

        // Act
        var findings = CheckHarness.RunPassive(new VersionDisclosureCheck(), first, second);

        // Assert
        var finding = Assert.Contains(expectedType, findings.ToDictionary(f => f.Type));
        Assert.Equal("http://127.0.0.1:5000/a", finding.Url);
        Assert.Contains(value, finding.Evidence!.Proof, StringComparison.Ordinal);
        Assert.Single(findings, f => f.Type == expectedType);
    }

    [Theory]
    [InlineData("Server", "Apache")]
    [InlineData("Server", "nginx")]
    [InlineData("Server", "Kestrel")]
    [InlineData("X-Powered-By", "ASP.NET")]
    [InlineData("X-Powered-By", "Express")]
    public void DoesNotReport_WhenNoVersionIsGiven(string header, string value)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/", 200, "text/html", "x", (header, value));

        Assert.Empty(CheckHarness.RunPassive(new VersionDisclosureCheck(), response));
    }

    [Fact]
    public void Metadata_DeclaresEveryTypeOfTheSignatureFile()
    {
        var declared = new VersionDisclosureCheck().Metadata.Types.Select(t => t.Name).ToHashSet();

        Assert.All(VersionDisclosureCheck.Signatures, s => Assert.Contains(s.TypeName, declared));
    }
}
