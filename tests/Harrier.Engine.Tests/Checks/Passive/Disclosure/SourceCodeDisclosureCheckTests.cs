using Harrier.Engine.Checks.Passive.Disclosure;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Disclosure;

public sealed class SourceCodeDisclosureCheckTests
{
    [Theory]
    [InlineData("<?php\n$password = 'x';\n?>", "PhpSourceCodeDisclosure")]
    [InlineData("<html><?= $user->name ?></html>", "PhpSourceCodeDisclosure")]
    [InlineData("<%@ Page Language=\"C#\" AutoEventWireup=\"true\" %>\n<html></html>", "AspNetSourceCodeDisclosure")]
    [InlineData("<%@ page contentType=\"text/html\" %>\n<html></html>", "JavaSourceCodeDisclosure")]
    [InlineData("<html><% Response.Write(\"hi\") %></html>", "GenericSourceCodeDisclosure")]
    public void Reports_ServerSideCode(string body, string type)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/page.php?id=1", 200, "text/html", body);

        var finding = Assert.Single(CheckHarness.RunPassive(new SourceCodeDisclosureCheck(), response, response));

        Assert.Equal(type, finding.Type);
        Assert.Equal("http://127.0.0.1:5000/page.php", finding.Url);
    }

    [Theory]
    [InlineData("<html><pre>&lt;?php echo 1; ?&gt;</pre></html>")]
    [InlineData("<html><p>Use <?xml version=\"1.0\"?> headers and 50% <% off %></p></html>")]
    [InlineData("<?xml version=\"1.0\"?><root/>")]
    [InlineData("<html><p>The <?php tag starts PHP code.</p></html>")]
    public void DoesNotReport_TextThatOnlyMentionsCode(string body)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/", 200, "text/html", body);

        Assert.Empty(CheckHarness.RunPassive(new SourceCodeDisclosureCheck(), response));
    }

    [Fact]
    public void DoesNotReport_AttackResponses()
    {
        var response = AttackResponses.AsAttack(CheckHarness.Response("http://127.0.0.1:5000/", 200, "text/plain", "<?php\n$a = 1;"));

        Assert.Empty(CheckHarness.RunPassive(new SourceCodeDisclosureCheck(), response));
    }
}
