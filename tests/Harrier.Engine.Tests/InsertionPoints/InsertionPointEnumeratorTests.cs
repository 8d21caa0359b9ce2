using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.InsertionPoints;

public sealed class InsertionPointEnumeratorTests
{
    private static readonly InsertionPointOptions s_all = new(true, true, [new("session", "abc")], "UA");

    [Fact]
    public void Enumerate_Query_ReplacesOnlyOneValue()
    {
        var request = ScanHttpRequest.Get(new Uri("http://127.0.0.1/p?a=1&b=two%20words"));

        var points = InsertionPointEnumerator.Enumerate(request, InsertionPointOptions.ParametersOnly);

        Assert.Equal(["Query:a", "Query:b"], points.Select(p => p.ToString()));
        Assert.Equal("two words", points[1].OriginalValue);
        Assert.Equal("?a=1&b=%3Cx%3E%27", points[1].WithValue("<x>'").Url.Query);
    }

    [Fact]
    public void Enumerate_FormBody_ReplacesOnlyOneField()
    {
        var request = ScanHttpRequest.FormPost(new Uri("http://127.0.0.1/login"), "user=bob&pass=x");

        var point = Assert.Single(InsertionPointEnumerator.Enumerate(request, InsertionPointOptions.ParametersOnly), p => p.Name == "user");

        Assert.Equal("user=a%26b&pass=x", point.WithValue("a&b").Body);
        Assert.Equal(InsertionPointKind.Form, point.Kind);
    }

    [Fact]
    public void Enumerate_JsonBody_NamesValuesByPath()
    {
        var request = new ScanHttpRequest("POST", new Uri("http://127.0.0.1/api")) { Body = "{\"user\":{\"name\":\"bob\",\"age\":3},\"tags\":[\"a\"]}", ContentType = "application/json" };

        var points = InsertionPointEnumerator.Enumerate(request, InsertionPointOptions.ParametersOnly);

        Assert.Equal(["user.name", "user.age", "tags[0]"], points.Select(p => p.Name));
        Assert.Equal("{\"user\":{\"name\":\"bob\",\"age\":\"'\"},\"tags\":[\"a\"]}", points[1].WithValue("'").Body);
    }

    [Fact]
    public void Enumerate_XmlBody_NamesElementsAndAttributesByPath()
    {
        var request = new ScanHttpRequest("POST", new Uri("http://127.0.0.1/api"))
        {
            Body = "<?xml version=\"1.0\"?><order id=\"7\"><item>book</item><item>pen</item><note><to>bob</to></note></order>",
            ContentType = "application/xml; charset=utf-8",
        };

        var points = InsertionPointEnumerator.Enumerate(request, InsertionPointOptions.ParametersOnly);

        Assert.Equal(["@id", "item[0]", "item[1]", "note.to"], points.Select(p => p.Name));
        Assert.All(points, p => Assert.Equal(InsertionPointKind.Xml, p.Kind));
        Assert.Equal("pen", points[2].OriginalValue);
        Assert.Equal("<?xml version=\"1.0\"?><order id=\"7\"><item>book</item><item>a'&lt;b</item><note><to>bob</to></note></order>", points[2].WithValue("a'<b").Body);
        Assert.Equal("<?xml version=\"1.0\"?><order id=\"x&quot;\"><item>book</item><item>pen</item><note><to>bob</to></note></order>", points[0].WithValue("x\"").Body);
    }

    [Theory]
    [InlineData("text/xml")]
    [InlineData("application/soap+xml")]
    [InlineData(null)]
    public void Enumerate_XmlBody_ByContentTypeOrContent(string? contentType)
    {
        var request = new ScanHttpRequest("POST", new Uri("http://127.0.0.1/api")) { Body = "<search><name>widget</name></search>", ContentType = contentType };

        var point = Assert.Single(InsertionPointEnumerator.Enumerate(request, InsertionPointOptions.ParametersOnly));

        Assert.Equal("name", point.Name);
        Assert.Equal("<search><name>x</name></search>", point.WithValue("x").Body);
    }

    [Theory]
    [InlineData("<broken><name>x</broken>", "application/xml")]
    [InlineData("<a>1</a>", "application/x-www-form-urlencoded")]
    [InlineData("plain text", null)]
    public void Enumerate_XmlBody_NothingForMalformedOrOtherBodies(string body, string? contentType)
    {
        var request = new ScanHttpRequest("POST", new Uri("http://127.0.0.1/api")) { Body = body, ContentType = contentType };

        Assert.DoesNotContain(InsertionPointEnumerator.Enumerate(request, InsertionPointOptions.ParametersOnly), p => p.Kind == InsertionPointKind.Xml);
    }

    [Fact]
    public void Enumerate_PathSegments_OnlyValueLikeOnes()
    {
        var request = ScanHttpRequest.Get(new Uri("http://127.0.0.1/shop/item/42/reviews"));

        var point = Assert.Single(InsertionPointEnumerator.Enumerate(request, s_all), p => p.Kind == InsertionPointKind.Path);

        Assert.Equal("42", point.OriginalValue);
        Assert.Equal("/shop/item/42'/reviews", Uri.UnescapeDataString(point.WithValue("42'").Url.AbsolutePath));
    }

    [Fact]
    public void Enumerate_PathSegments_LastSegmentThePageShows()
    {
        var request = ScanHttpRequest.Get(new Uri("http://127.0.0.1/users/profile/alice"));

        var point = Assert.Single(InsertionPointEnumerator.Enumerate(request, s_all with { PageText = "Profile of alice, member since 2020" }), p => p.Kind == InsertionPointKind.Path);

        Assert.Equal(("segment3", "alice"), (point.Name, point.OriginalValue));
        Assert.Equal("/users/profile/x", point.WithValue("x").Url.AbsolutePath);
    }

    [Theory]
    [InlineData("/users/profile/alice", null)]                       // page text unknown
    [InlineData("/users/profile/alice", "Profile of Alice")]         // other case
    [InlineData("/users/profile/alice", "Profile of malice-free")]   // not a whole word
    [InlineData("/users/alice/profile", "Profile of alice")]         // not the last segment
    [InlineData("/docs/guide.html", "guide.html is the guide")]      // a file name with an extension
    [InlineData("/a/ok", "ok")]                                      // too short to tell
    public void Enumerate_PathSegments_NotANameThePageDoesNotShow(string path, string? pageText)
    {
        var request = ScanHttpRequest.Get(new Uri("http://127.0.0.1" + path));

        Assert.DoesNotContain(InsertionPointEnumerator.Enumerate(request, s_all with { PageText = pageText }), p => p.Kind == InsertionPointKind.Path);
    }

    [Fact]
    public void Named_RebuildsAStoredPathSegmentPoint_WhateverTheSegmentLooksLike()
    {
        var request = ScanHttpRequest.Get(new Uri("http://127.0.0.1/users/profile/alice"));

        var point = PathSegmentInsertionPoints.Named(request, "segment3");

        Assert.NotNull(point);
        Assert.Equal((InsertionPointKind.Path, "alice"), (point.Kind, point.OriginalValue));
        Assert.Equal("/users/profile/bob", point.WithValue("bob").Url.AbsolutePath);
    }

    [Theory]
    [InlineData("segment9")]
    [InlineData("segment0")]
    [InlineData("segment")]
    [InlineData("segment-1")]
    [InlineData("q")]
    public void Named_NullForANameThatIsNoSegmentOfTheRequest(string name)
    {
        var request = ScanHttpRequest.Get(new Uri("http://127.0.0.1/users/profile/alice"));

        Assert.Null(PathSegmentInsertionPoints.Named(request, name));
    }

    [Fact]
    public void VisibleText_LeavesOutScriptsAndNonHtml()
    {
        var page = CheckHarness.Response("http://127.0.0.1/a", 200, "text/html", "<html><body><p>Hello alice</p><script>var bob = 1;</script></body></html>");
        var json = CheckHarness.Response("http://127.0.0.1/a", 200, "application/json", "{\"alice\":1}");

        var text = PathSegmentInsertionPoints.VisibleText(page);

        Assert.Contains("Hello alice", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", text, StringComparison.Ordinal);
        Assert.Null(PathSegmentInsertionPoints.VisibleText(json));
    }

    [Fact]
    public void Enumerate_HeadersAndCookies()
    {
        var request = ScanHttpRequest.Get(new Uri("http://127.0.0.1/")).WithHeader("Cookie", "theme=dark");

        var points = InsertionPointEnumerator.Enumerate(request, s_all);

        Assert.Contains(points, p => p.ToString() == "Header:User-Agent" && p.WithValue("x").GetHeader("User-Agent") == "x");
        Assert.Contains(points, p => p.ToString() == "Header:Referer");
        var session = Assert.Single(points, p => p.ToString() == "Cookie:session");
        Assert.Equal("theme=dark; session=evil", session.WithValue("evil").GetHeader("Cookie"));
        Assert.Contains(points, p => p.ToString() == "Cookie:theme");
    }
}
