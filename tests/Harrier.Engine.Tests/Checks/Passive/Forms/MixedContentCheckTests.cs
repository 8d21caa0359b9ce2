using Harrier.Engine.Checks.Passive.Forms;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Forms;

public sealed class MixedContentCheckTests
{
    [Theory]
    [InlineData("<script src=\"http://cdn.example/app.js\"></script>", "MixedContentScript")]
    [InlineData("<link rel=\"stylesheet\" href=\" HTTP://cdn.example/site.css\">", "MixedContentResource")]
    [InlineData("<iframe src=\"http://ads.example/\"></iframe>", "MixedContentResource")]
    public void Reports_HttpsPagesLoadingHttpResources(string markup, string type)
    {
        var response = CheckHarness.Response("https://127.0.0.1:5001/page?x=1", 200, "text/html", "<html><head>" + markup + "</head><body></body></html>");

        var finding = Assert.Single(CheckHarness.RunPassive(new MixedContentCheck(), response, response));

        Assert.Equal(type, finding.Type);
        Assert.Equal("https://127.0.0.1:5001/page", finding.Url);
    }

    [Theory]
    [InlineData("https://127.0.0.1:5001/", "<script src=\"https://cdn.example/app.js\"></script><script src=\"//cdn.example/b.js\"></script><a href=\"http://example.com/\">link</a>")]
    [InlineData("https://127.0.0.1:5001/", "<img src=\"http://example.com/a.png\"><link rel=\"canonical\" href=\"http://example.com/\">")]
    [InlineData("http://127.0.0.1:5000/", "<script src=\"http://cdn.example/app.js\"></script>")]
    public void DoesNotReport_SecureResourcesLinksOrHttpPages(string url, string markup)
    {
        var response = CheckHarness.Response(url, 200, "text/html", "<html><head>" + markup + "</head><body></body></html>");

        Assert.Empty(CheckHarness.RunPassive(new MixedContentCheck(), response));
    }
}
