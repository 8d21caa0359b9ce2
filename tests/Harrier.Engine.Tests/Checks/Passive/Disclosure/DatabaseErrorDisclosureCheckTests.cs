using Harrier.Engine.Checks.Passive.Disclosure;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Disclosure;

public sealed class DatabaseErrorDisclosureCheckTests
{
    [Fact]
    public void Reports_WhenNormalResponseShowsDatabaseError()
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/report?year=2024", 500, "text/html",
            "<pre>Microsoft.Data.SqlClient.SqlException: Incorrect syntax near 'FROM'.</pre>");

        var finding = Assert.Single(CheckHarness.RunPassive(new DatabaseErrorDisclosureCheck(), response));

        Assert.Equal(("DatabaseErrorMessages", "http://127.0.0.1:5000/report"), (finding.Type, finding.Url));
        Assert.Contains("SQL Server", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void DoesNotReport_WhenErrorWasProvokedByAnAttack_OrPageIsClean()
    {
        var attacked = AttackResponses.AsAttack(CheckHarness.Response("http://127.0.0.1:5000/item?id=1'", 500, "text/html", "You have an error in your SQL syntax"));
        var clean = CheckHarness.Response("http://127.0.0.1:5000/item?id=1", 200, "text/html", "<p>Item 1: SQL book</p>");

        Assert.Empty(CheckHarness.RunPassive(new DatabaseErrorDisclosureCheck(), attacked, clean));
    }
}
