using Harrier.Engine.Checks.Passive.Forms;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Forms;

public sealed class PasswordAutocompleteCheckTests
{
    [Theory]
    [InlineData("<form><input type=password name=pw></form>")]
    [InlineData("<form autocomplete=off><input type=password name=pw autocomplete=on></form>")]
    [InlineData("<form><input type=password name=pw autocomplete=current-password></form>")]
    public void Reports_WhenPasswordMayBeStored(string html)
    {
        var response = CheckHarness.Response("https://127.0.0.1:5443/login", 200, "text/html", "<html><body>" + html + "</body></html>");

        var finding = Assert.Single(CheckHarness.RunPassive(new PasswordAutocompleteCheck(), response));

        Assert.Equal(("AutoCompleteEnabledPasswordField", "pw"), (finding.Type, finding.Parameter));
    }

    [Theory]
    [InlineData("<form><input type=password name=pw autocomplete=off></form>")]
    [InlineData("<form autocomplete=OFF><input type=password name=pw></form>")]
    [InlineData("<form><input type=password name=pw autocomplete=new-password></form>")]
    [InlineData("<form><input type=text name=q></form>")]
    public void DoesNotReport_WhenAutocompleteIsOff_OrNoPasswordField(string html)
    {
        var response = CheckHarness.Response("https://127.0.0.1:5443/login", 200, "text/html", "<html><body>password " + html + "</body></html>");

        Assert.Empty(CheckHarness.RunPassive(new PasswordAutocompleteCheck(), response));
    }
}
