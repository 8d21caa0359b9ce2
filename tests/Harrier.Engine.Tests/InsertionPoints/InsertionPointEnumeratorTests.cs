using Harrier.Engine.Http;
using Harrier.Engine.InsertionPoints;

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
    public void Enumerate_PathSegments_OnlyValueLikeOnes()
    {
        var request = ScanHttpRequest.Get(new Uri("http://127.0.0.1/shop/item/42/reviews"));

        var point = Assert.Single(InsertionPointEnumerator.Enumerate(request, s_all), p => p.Kind == InsertionPointKind.Path);

        Assert.Equal("42", point.OriginalValue);
        Assert.Equal("/shop/item/42'/reviews", Uri.UnescapeDataString(point.WithValue("42'").Url.AbsolutePath));
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
