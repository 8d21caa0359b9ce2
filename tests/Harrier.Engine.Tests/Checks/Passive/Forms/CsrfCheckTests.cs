using Harrier.Engine.Checks.Passive.Forms;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Forms;

public sealed class CsrfCheckTests
{

    [Fact]
    public void Reports_PostFormWithoutToken_OncePerPage()
    {
        var response = Page(Profile(string.Empty));

        var finding = Assert.Single(CheckHarness.RunPassive(new CsrfCheck(), response, response));

        Assert.Equal("CsrfDetected", finding.Type);
        Assert.Equal("http://127.0.0.1:5000/profile", finding.Url);
        Assert.Contains("displayName", finding.Evidence!.Proof, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<input type=\"hidden\" name=\"csrf_token\" value=\"7c3f9a2e5b814d6f\">")]
    [InlineData("<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"CfDJ8abc\">")]
    [InlineData("<input type=\"hidden\" name=\"authenticity_token\" value=\"x\">")]
    [InlineData("<input type=\"hidden\" name=\"state\" value=\"k3J9sPq0LmZx81Ab\">")]
    public void DoesNotReport_FormsWithAToken(string token)
    {
        var response = Page(Profile(token));

        Assert.Empty(CheckHarness.RunPassive(new CsrfCheck(), response));
    }

    [Theory]
    [InlineData("<form method=\"get\" action=\"/profile\"><input name=\"displayName\"></form>")]
    [InlineData("<form method=\"post\" action=\"/search\"><input type=\"search\" name=\"term\"><button>Go</button></form>")]
    [InlineData("<form method=\"post\" action=\"/find\"><input type=\"text\" name=\"q\"></form>")]
    [InlineData("<form method=\"post\" action=\"/login\"><input name=\"user\"><input type=\"password\" name=\"pass\"><button>Sign in</button></form>")]
    [InlineData("<form method=\"post\" action=\"https://pay.example/checkout\"><input name=\"amount\"></form>")]
    [InlineData("<form method=\"post\" action=\"/go\"><input type=\"hidden\" name=\"next\" value=\"1\"><button>Next</button></form>")]
    public void DoesNotReport_FormsThatAreNotStateChangingOrAreExempt(string form)
    {
        Assert.Empty(CheckHarness.RunPassive(new CsrfCheck(), Page(form)));
    }

    [Fact]
    public void DoesNotReport_AttackResponses()
    {
        var response = AttackResponses.AsAttack(Page(Profile(string.Empty)));

        Assert.Empty(CheckHarness.RunPassive(new CsrfCheck(), response));
    }

    private static string Profile(string token) =>
        "<form method=\"post\" action=\"/profile\"><input type=\"text\" name=\"displayName\" value=\"a\">" +
        "<input type=\"email\" name=\"email\"><button type=\"submit\">Save</button>" + token + "</form>";

    private static Harrier.Engine.Http.ScanHttpResponse Page(string form) =>
        CheckHarness.Response("http://127.0.0.1:5000/profile", 200, "text/html", "<html><body>" + form + "</body></html>");
}
