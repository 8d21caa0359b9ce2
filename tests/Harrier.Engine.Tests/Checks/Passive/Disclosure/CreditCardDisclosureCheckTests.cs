using Harrier.Engine.Checks.Passive.Disclosure;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests.Checks.Passive.Disclosure;

public sealed class CreditCardDisclosureCheckTests
{
    [Theory]
    [InlineData("<p>Card: 4111111111111111</p>")]
    [InlineData("<p>Card: 4111 1111 1111 1111</p>")]
    [InlineData("<p>Card: 5555-5555-5555-4444</p>")]
    [InlineData("{\"pan\":\"378282246310005\"}")]
    [InlineData("<td>3782 822463 10005</td>")]
    public void Reports_LuhnValidCardNumbers(string body)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/orders?id=7", 200, "text/html", body);

        var finding = Assert.Single(CheckHarness.RunPassive(new CreditCardDisclosureCheck(), response, response));

        Assert.Equal("PossibleCreditCardDisclosure", finding.Type);
        Assert.Equal("http://127.0.0.1:5000/orders", finding.Url);
    }

    [Theory]
    [InlineData("<p>Card: 4111111111111112</p>")] // Luhn fails
    [InlineData("<p>Card: **** **** **** 1111</p>")]
    [InlineData("<p>Order 1700000000000 placed</p>")] // a millisecond timestamp: no issuer prefix
    [InlineData("<p>id 94111111111111111</p>")] // 17 digits starting with 9
    [InlineData("<p>4111-1111 1111-1111</p>")] // mixed separators
    [InlineData("<p>v1.4111111111111111</p>")] // part of a dotted number
    [InlineData("<p>0000000000000000</p>")]
    public void DoesNotReport_OtherNumbers(string body)
    {
        var response = CheckHarness.Response("http://127.0.0.1:5000/", 200, "text/html", body);

        Assert.Empty(CheckHarness.RunPassive(new CreditCardDisclosureCheck(), response));
    }

    [Fact]
    public void DoesNotReport_AttackResponses()
    {
        var response = AttackResponses.AsAttack(CheckHarness.Response("http://127.0.0.1:5000/", 200, "text/html", "4111111111111111"));

        Assert.Empty(CheckHarness.RunPassive(new CreditCardDisclosureCheck(), response));
    }
}
