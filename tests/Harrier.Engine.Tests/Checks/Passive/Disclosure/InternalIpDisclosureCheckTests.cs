using Harrier.Engine.Checks.Passive.Disclosure;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Disclosure;

public sealed class InternalIpDisclosureCheckTests
{
    [Theory]
    [InlineData("<!-- served by 10.0.12.7 -->", null)]
    [InlineData("<p>backend 192.168.1.20:8080 failed</p>", null)]
    [InlineData("<p>ok</p>", "172.20.0.3")]
    public void Reports_WhenPrivateAddressAppearsInBodyOrHeader(string body, string? headerValue)
    {
        var headers = headerValue is null ? [] : new[] { ("X-Backend-Server", headerValue) };
        var response = CheckHarness.Response("http://127.0.0.1:5000/status?x=1", 200, "text/html", body, headers);

        var finding = Assert.Single(CheckHarness.RunPassive(new InternalIpDisclosureCheck(), response));

        Assert.Equal(("InternalIPLeakage", "http://127.0.0.1:5000/status"), (finding.Type, finding.Url));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/", "<p>version 1.10.0.1.5, build 10.0.0.1.2, public 8.8.8.8, 172.32.0.1, 192.169.0.1</p>")]
    [InlineData("http://10.0.0.5/", "<p>peer 10.0.0.6</p>")]
    public void DoesNotReport_PublicOrVersionNumbers_OrOnAnInternalTarget(string url, string body)
    {
        var response = CheckHarness.Response(url, 200, "text/html", body);

        Assert.Empty(CheckHarness.RunPassive(new InternalIpDisclosureCheck(), response));
    }
}
