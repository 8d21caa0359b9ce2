using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Harrier.Web.Tests;

/// <summary>Harrier on HTTPS (a self-signed loopback certificate through the standard Kestrel configuration).</summary>
public sealed class HttpsFixture : WebFixture
{
    private const string Password = "harrier-test";

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings
    {
        get
        {
            var path = Path.Combine(DataDir, "loopback.pfx");
            if (!File.Exists(path))
            {
                using var key = RSA.Create(2048);
                var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                var san = new SubjectAlternativeNameBuilder();
                san.AddIpAddress(IPAddress.Loopback);
                request.CertificateExtensions.Add(san.Build());
                var now = TimeProvider.System.GetUtcNow();
                using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
                File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
            }

            return
            [
                KeyValuePair.Create("Harrier:Urls", (string?)"https://127.0.0.1:0"),
                KeyValuePair.Create("Kestrel:Certificates:Default:Path", (string?)path),
                KeyValuePair.Create("Kestrel:Certificates:Default:Password", (string?)Password),
            ];
        }
    }
}

public sealed class SecureCookieTests(HttpsFixture server) : IClassFixture<HttpsFixture>
{
    [Fact]
    public async Task OnHttps_CookiesAreSecure_AndHstsIsSent()
    {
        // Arrange
        Assert.Equal(Uri.UriSchemeHttps, server.BaseAddress.Scheme);
        using var browser = server.NewBrowser();
        var page = await browser.GetAsync("/signin");

        // Act
        using var signIn = await browser.PostFormAsync("/signin", Browser.CsrfToken(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)),
            [new("userId", WebFixture.AdminId.ToString()), new("token", WebFixture.AdminToken)]);

        // Assert
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("harrier.session=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("harrier.csrf=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        page.Dispose();
    }
}
