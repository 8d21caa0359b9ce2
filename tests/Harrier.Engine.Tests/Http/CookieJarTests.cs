using Harrier.Engine.Http;

namespace Harrier.Engine.Tests.Http;

public sealed class CookieJarTests
{
    private static readonly Uri s_site = new("http://127.0.0.1:5000/");

    [Fact]
    public void Seed_ThenUpdate_ThenOverride()
    {
        var jar = new CookieJar();
        jar.Seed("a=1; b=2", [s_site]);
        jar.Update(s_site, ["b=3; Path=/; HttpOnly", "c=4; Expires=Wed, 21 Oct 2099 07:28:00 GMT", "bad cookie;;;="]);

        var header = jar.BuildHeader(new Uri(s_site, "/x"), "a=override");

        Assert.NotNull(header);
        var pairs = CookieJar.ParseCookieHeader(header).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("override", pairs["a"]);
        Assert.Equal("3", pairs["b"]);
        Assert.Equal("4", pairs["c"]);
    }

    [Fact]
    public void Cookies_AreKeptPerHost()
    {
        var jar = new CookieJar();
        jar.Update(s_site, ["s=1"]);

        Assert.Null(jar.BuildHeader(new Uri("http://localhost:5000/"), null));
    }
}
