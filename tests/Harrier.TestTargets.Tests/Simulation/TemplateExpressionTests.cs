using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Tests.Simulation;

public sealed class TemplateExpressionTests
{
    [Theory]
    [InlineData("7*7", "49")]
    [InlineData(" 7 * 7 ", "49")]
    [InlineData("1337*1337", "1787569")]
    [InlineData("(2+3)*4", "20")]
    [InlineData("10/3", "3")]
    [InlineData("10%3", "1")]
    [InlineData("-5+2", "-3")]
    [InlineData("'7'*7", "7777777")]
    [InlineData("\"ab\"+\"cd\"", "abcd")]
    public void Evaluate_ComputesArithmetic(string expression, string expected)
    {
        Assert.Equal(expected, TemplateExpression.Evaluate(expression));
    }

    [Theory]
    [InlineData("7*")]
    [InlineData("config.items()")]
    [InlineData("1/0")]
    [InlineData("'a'*100000")]
    [InlineData("99999999999*99999999999")]
    [InlineData("'open")]
    public void Evaluate_Invalid_ReturnsNull(string expression)
    {
        Assert.Null(TemplateExpression.Evaluate(expression));
    }
}
