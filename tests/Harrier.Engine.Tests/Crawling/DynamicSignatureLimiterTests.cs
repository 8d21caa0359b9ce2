using Harrier.Core.Scans;
using Harrier.Engine.Crawling;

namespace Harrier.Engine.Tests.Crawling;

public sealed class DynamicSignatureLimiterTests
{
    [Theory]
    [InlineData("/item/42", "/item/{v}")]
    [InlineData("/item/42.html", "/item/{v}.html")]
    [InlineData("/u/3f2504e0-4f89-11d3-9a0c-0305e82c3301/edit", "/u/{v}/edit")]
    [InlineData("/post-1234", "/{v}")]
    [InlineData("/api/v2/users", "/api/v2/users")]
    [InlineData("/about.html", "/about.html")]
    public void Template_ReplacesValueLikeSegments(string path, string expected)
    {
        var template = DynamicSignatureLimiter.Template(new Uri("http://127.0.0.1" + path), out _);

        Assert.Equal("http://127.0.0.1" + expected, template);
    }

    [Fact]
    public void TryAdmit_BoundsInstancesPerTemplate_AndTemplates()
    {
        var limiter = new DynamicSignatureLimiter(new UrlRewriteSettings(), maxDynamicSignatures: 2, subPathMaxDynamicSignatures: 3);

        var items = Enumerable.Range(1, 100).Count(i => limiter.TryAdmit(new Uri($"http://127.0.0.1/item/{i}")));
        Assert.True(limiter.TryAdmit(new Uri("http://127.0.0.1/item/1")));
        var posts = Enumerable.Range(1, 100).Count(i => limiter.TryAdmit(new Uri($"http://127.0.0.1/post/{i}")));
        var third = limiter.TryAdmit(new Uri("http://127.0.0.1/tag/1"));

        Assert.Equal(3, items);
        Assert.Equal(3, posts);
        Assert.False(third);
        Assert.True(limiter.TryAdmit(new Uri("http://127.0.0.1/static/page.html")));
    }

    [Fact]
    public void TryAdmit_NoUrlRewrite_AdmitsEverything()
    {
        var limiter = new DynamicSignatureLimiter(new UrlRewriteSettings { Mode = UrlRewriteMode.None }, 1, 1);

        Assert.Equal(50, Enumerable.Range(1, 50).Count(i => limiter.TryAdmit(new Uri($"http://127.0.0.1/item/{i}"))));
    }
}
