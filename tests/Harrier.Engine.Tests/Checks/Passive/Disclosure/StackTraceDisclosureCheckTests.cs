using Harrier.Engine.Checks.Passive.Disclosure;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Disclosure;

public sealed class StackTraceDisclosureCheckTests
{
    public static TheoryData<string, string> Traces => new()
    {
        { "<h1>Server Error in '/' Application.</h1><b> Stack Trace: </b>", "AspNetStackTrace" },
        { "System.NullReferenceException: Object reference not set\n   at Shop.Controllers.CartController.Add(Int32 id) in /src/Shop/CartController.cs:line 42", "AspNetStackTrace" },
        { "java.lang.IllegalStateException: boom\n\tat com.shop.web.CartServlet.doGet(CartServlet.java:57)\n\tat javax.servlet.http.HttpServlet.service(HttpServlet.java:634)", "JavaStackTraceDisclosure" },
        { "<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined function foo() in <b>/var/www/html/index.php</b> on line <b>12</b><br />", "PhpStackTraceDisclosure" },
        { "Traceback (most recent call last):\n  File \"/app/views.py\", line 17, in index\n    return items[int(id)]\nIndexError: list index out of range", "PythonStackTraceDisclosure" },
    };

    [Theory]
    [MemberData(nameof(Traces))]
    public void Reports_WhenRuntimeTraceIsShown_OncePerPage(string body, string expectedType)
    {
        // Arrange
        var first = CheckHarness.Response("http://127.0.0.1:5000/cart?id=1", 500, "text/html", "<html><body>" + body + "</body></html>");
        var second = AttackResponses.AsAttack(CheckHarness.Response("http://127.0.0.1:5000/cart?id=2", 500, "text/html", body));

        // Act
        var findings = CheckHarness.RunPassive(new StackTraceDisclosureCheck(), first, second);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(expectedType, finding.Type);
        Assert.Equal("http://127.0.0.1:5000/cart", finding.Url);
    }

    [Theory]
    [InlineData("text/html", "<p>Our Java stack traces guide: exceptions print where they happened, at the line of the call.</p>")]
    [InlineData("text/html", "<p>Fatal error: please try again later.</p>")]
    [InlineData("image/png", "Traceback (most recent call last):\n  File \"/app/x.py\", line 1")]
    public void DoesNotReport_WhenTextOnlyTalksAboutErrors_OrIsNotText(string contentType, string body)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/", 200, contentType, body);

        Assert.Empty(CheckHarness.RunPassive(new StackTraceDisclosureCheck(), response));
    }
}
