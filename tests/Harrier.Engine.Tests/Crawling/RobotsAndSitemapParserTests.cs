using Harrier.Engine.Crawling;

namespace Harrier.Engine.Tests.Crawling;

public sealed class RobotsAndSitemapParserTests
{
    [Fact]
    public void Robots_YieldsAllowDisallowAndSitemapUrls()
    {
        var urls = RobotsTxtParser.Parse(new Uri("http://127.0.0.1/robots.txt"),
            "User-agent: *\r\nDisallow: /admin/ # secret\nDisallow: /\nAllow: /public*.html\nSitemap: http://127.0.0.1/s.xml\nnonsense");

        Assert.Equal(["http://127.0.0.1/admin/", "http://127.0.0.1/public", "http://127.0.0.1/s.xml"], urls.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Sitemap_ReadsLocs_AndRefusesDtds()
    {
        var sitemap = new Uri("http://127.0.0.1/sitemap.xml");

        var urls = SitemapParser.Parse(sitemap, "<urlset><url><loc>http://127.0.0.1/a</loc></url><url><loc> /b </loc></url></urlset>");
        var evil = SitemapParser.Parse(sitemap, "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><urlset><url><loc>&e;</loc></url></urlset>");

        Assert.Equal(["http://127.0.0.1/a", "http://127.0.0.1/b"], urls.Select(u => u.AbsoluteUri));
        Assert.Empty(evil);
    }
}
