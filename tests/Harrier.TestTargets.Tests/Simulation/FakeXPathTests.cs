using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Tests.Simulation;

public sealed class FakeXPathTests
{
    [Theory]
    [InlineData("//staff/member[name/text()='alice']/phone")]
    [InlineData("//staff/member[name/text()='al\"ice']/phone")]
    [InlineData("//staff/member[name/text()='x' or '1'='1']/phone")]
    [InlineData("count(//staff/member[name='a'])")]
    public void ValidExpressions_Parse(string expression)
    {
        Assert.Null(FakeXPath.SyntaxError(expression));
    }

    [Theory]
    [InlineData("//staff/member[name/text()=''']/phone", "Unfinished literal")]
    [InlineData("//staff/member[name/text()='']']/phone", "Unfinished literal")]
    [InlineData("//staff/member[name/text()='a']]/phone", "Invalid predicate")]
    [InlineData("//staff/member[name/text()='a'/phone", "Invalid predicate")]
    [InlineData("count(//staff/member", "Invalid expression")]
    [InlineData("//a[b=1)]", "Invalid expression")]
    public void BrokenExpressions_FailLikeLibxml(string expression, string error)
    {
        Assert.Equal(error, FakeXPath.SyntaxError(expression));
    }
}
