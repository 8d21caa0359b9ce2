using Harrier.Engine.Crawling;

namespace Harrier.Engine.Tests.Crawling;

public sealed class HtmlLinkExtractorTests
{
    private static readonly Uri s_page = new("http://127.0.0.1/dir/page.html");

    [Fact]
    public void Extract_ResolvesAgainstBase_DropsFragmentsAndNonHttp()
    {
        var links = HtmlLinkExtractor.Extract(s_page, "<base href='/other/'><a href='x#top'>x</a><a href='javascript:void(0)'>j</a><a href='mailto:a@b'>m</a><a href='data:text/html,hi'>d</a>");

        Assert.Equal(["http://127.0.0.1/other/x"], links.Links.Select(l => l.AbsoluteUri));
    }

    [Theory]
    [InlineData("0; url=/next", "/next")]
    [InlineData("5;URL='/quoted'", "/quoted")]
    [InlineData("3", null)]
    public void MetaRefreshTarget_Parses(string content, string? expected) =>
        Assert.Equal(expected, HtmlLinkExtractor.MetaRefreshTarget(content));

    [Fact]
    public void Extract_GetFormWithoutAction_SubmitsToPage()
    {
        var links = HtmlLinkExtractor.Extract(s_page, "<form><input name='q' value='shoes'><input type='number' name='n'><input type='image' name='img'></form>");

        var form = Assert.Single(links.Forms);
        Assert.Equal("GET", form.Method);
        Assert.Equal("http://127.0.0.1/dir/page.html?q=shoes&n=1", form.Url.AbsoluteUri);
    }

    [Fact]
    public void Extract_SurvivesGarbage()
    {
        var links = HtmlLinkExtractor.Extract(s_page, "\0\0<a href='\u0001'><<<>>><form action='http://[bad'>" + new string('<', 10_000));

        Assert.Empty(links.Forms);
    }
}
