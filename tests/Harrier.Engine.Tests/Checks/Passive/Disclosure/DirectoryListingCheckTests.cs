using Harrier.Engine.Checks.Passive.Disclosure;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Disclosure;

public sealed class DirectoryListingCheckTests
{
    private const string ApacheListing = "<html><head><title>Index of /files</title></head><body><h1>Index of /files</h1><ul><li><a href=\"/\"> Parent Directory</a></li><li><a href=\"a.zip\"> a.zip</a></li></ul></body></html>";

    public static TheoryData<string, string> Listings => new()
    {
        { ApacheListing, "ApacheDirectoryListing" },
        { "<html>\r\n<head><title>Index of /files/</title></head>\r\n<body>\r\n<h1>Index of /files/</h1><hr><pre><a href=\"../\">../</a>\r\n<a href=\"a.zip\">a.zip</a></pre><hr></body>\r\n</html>", "NginxDirectoryListing" },
        { "<html><head><title>127.0.0.1 - /files/</title></head><body><H1>127.0.0.1 - /files/</H1><hr>\r\n\r\n<pre><A HREF=\"/\">[To Parent Directory]</A><br><br></pre><hr></body></html>", "IisDirectoryListing" },
        { "<html><head><title>Directory Listing For [/files/]</title></head><body><h1>Directory Listing For [/files/]</h1></body></html>", "TomcatDirectoryListing" },
    };

    [Theory]
    [MemberData(nameof(Listings))]
    public void Reports_WhenServerListsAFolder(string body, string expectedType)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/files/", 200, "text/html", body);

        var finding = Assert.Single(CheckHarness.RunPassive(new DirectoryListingCheck(), response));

        Assert.Equal((expectedType, "http://127.0.0.1:5000/files/"), (finding.Type, finding.Url));
    }

    [Fact]
    public void DoesNotReport_WhenPageMerelyMentionsAnIndex()
    {
        var article = CheckHarness.Response("http://127.0.0.1:5000/docs", 200, "text/html",
            "<html><head><title>Index of /docs: our manual</title></head><body><h2>Index of topics</h2><a href=\"../\">Parent Directory</a></body></html>");
        var attacked = AttackResponses.AsAttack(CheckHarness.Response("http://127.0.0.1:5000/files/", 200, "text/html", ApacheListing));

        Assert.Empty(CheckHarness.RunPassive(new DirectoryListingCheck(), article, attacked));
    }
}
