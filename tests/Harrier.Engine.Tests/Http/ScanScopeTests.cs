using Harrier.Core.Scans;
using Harrier.Engine.Http;

namespace Harrier.Engine.Tests.Http;

public sealed class ScanScopeTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/app/", true)]
    [InlineData("http://127.0.0.1:8080/app/page?x=1", true)]
    [InlineData("http://127.0.0.1:8080/app", true)]
    [InlineData("http://127.0.0.1:8080/other", false)]
    [InlineData("http://127.0.0.1:8080/application", false)]
    [InlineData("http://127.0.0.1:8081/app/", false)]
    [InlineData("https://127.0.0.1:8080/app/", false)]
    [InlineData("http://localhost:8080/app/", false)]
    [InlineData("http://user@127.0.0.1:8080/app/", false)]
    [InlineData("ftp://127.0.0.1:8080/app/", false)]
    public void Contains_EnteredPathAndBelow(string url, bool expected)
    {
        var scope = new ScanScope(new Uri("http://127.0.0.1:8080/app/index.html"), ScanTaskScope.EnteredPathAndBelow, [], false);

        Assert.Equal(expected, scope.Contains(new Uri(url)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/app/index.html", true)]
    [InlineData("http://127.0.0.1:8080/app/index.html?q=1", true)]
    [InlineData("http://127.0.0.1:8080/app/other.html", false)]
    public void Contains_OnlyEnteredUrl(string url, bool expected)
    {
        var scope = new ScanScope(new Uri("http://127.0.0.1:8080/app/index.html"), ScanTaskScope.OnlyEnteredUrl, [], false);

        Assert.Equal(expected, scope.Contains(new Uri(url)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/anything/at/all", true)]
    [InlineData("http://127.0.0.1:9090/", false)]
    [InlineData("http://127.0.0.2:8080/", false)]
    public void Contains_WholeDomain_KeepsHostAndPortExact(string url, bool expected)
    {
        var scope = new ScanScope(new Uri("http://127.0.0.1:8080/app/"), ScanTaskScope.WholeDomain, [], false);

        Assert.Equal(expected, scope.Contains(new Uri(url)));
    }

    [Fact]
    public void Contains_AdditionalWebsite_PathAndBelow()
    {
        var scope = new ScanScope(new Uri("http://127.0.0.1:8080/"), ScanTaskScope.EnteredPathAndBelow, [new Uri("http://127.0.0.1:9090/api/")], false);

        Assert.True(scope.Contains(new Uri("http://127.0.0.1:9090/api/items")));
        Assert.False(scope.Contains(new Uri("http://127.0.0.1:9090/admin")));
    }

    [Fact]
    public void Contains_OtherProtocol_OnlyWhenNotDifferentiated()
    {
        var target = new Uri("http://example.test/");
        var strict = new ScanScope(target, ScanTaskScope.WholeDomain, [], false);
        var lenient = new ScanScope(target, ScanTaskScope.WholeDomain, [], true);

        Assert.False(strict.Contains(new Uri("https://example.test/x")));
        Assert.True(lenient.Contains(new Uri("https://example.test/x")));
        Assert.False(lenient.Contains(new Uri("https://example.test:8443/x")));
    }
}
