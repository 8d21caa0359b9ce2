using Harrier.Engine.Checks.Passive.Forms;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Forms;

public sealed class PasswordOverHttpCheckTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000/login", "/session", "PasswordOverHttp")]
    [InlineData("https://127.0.0.1:5443/login", "http://127.0.0.1:5000/session", "PasswordOverHttp")]
    [InlineData("http://127.0.0.1:5000/login", "https://127.0.0.1:5443/session", "PasswordFormOverHttp")]
    public void Reports_WhenPasswordTravelsOverHttp(string page, string action, string expectedType)
    {
        var html = "<html><body><form method=post action=\"" + action + "\"><input name=user><input type=PASSWORD name=pw></form></body></html>";
        var response = CheckHarness.Response(page, 200, "text/html", html);

        var finding = Assert.Single(CheckHarness.RunPassive(new PasswordOverHttpCheck(), response));

        Assert.Equal(expectedType, finding.Type);
    }

    [Theory]
    [InlineData("https://127.0.0.1:5443/login", "<form method=post action=/session><input type=password name=pw></form>")]
    [InlineData("http://127.0.0.1:5000/search", "<form action=/search><input type=text name=password></form>")]
    public void DoesNotReport_WhenFormIsHttpsOnly_OrHasNoPasswordField(string page, string html)
    {
        var response = CheckHarness.Response(page, 200, "text/html", "<html><body>" + html + "</body></html>");

        Assert.Empty(CheckHarness.RunPassive(new PasswordOverHttpCheck(), response));
    }
}
