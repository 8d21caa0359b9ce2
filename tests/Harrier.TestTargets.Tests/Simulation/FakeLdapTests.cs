using Harrier.TestTargets.Simulation;

namespace Harrier.TestTargets.Tests.Simulation;

public sealed class FakeLdapTests
{
    [Theory]
    [InlineData("(&(objectClass=person)(uid=jdoe))")]
    [InlineData("(&(objectClass=person)(uid=*))")]
    [InlineData("(&(objectClass=person)(uid=*)(|(objectClass=*)))")]
    [InlineData("(!(cn~=smith))")]
    [InlineData("(uid=a\\2a)")]
    [InlineData("(age>=21)")]
    public void ValidFilters_Parse(string filter)
    {
        Assert.Null(FakeLdap.FilterError(filter));
    }

    [Theory]
    [InlineData("(&(objectClass=person)(uid=jdoe)))", "Unbalanced parenthesis")]
    [InlineData("(&(objectClass=person)(uid=jdoe(x)))", "Unbalanced parenthesis")]
    [InlineData("(&(objectClass=person)(uid=*)()))", "Empty filter")]
    [InlineData("(&(objectClass=person)(uid=a\\)))", "invalid escape sequence: \\))")]
    [InlineData("(&(objectClass=person)(=x))", "invalid attribute description")]
    [InlineData("(&(objectClass=person)(uid))", "Missing 'equals'")]
    [InlineData("(&(objectClass=person)(uid=x)", "Unbalanced parenthesis")]
    public void BrokenFilters_FailLikeJndi(string filter, string error)
    {
        Assert.Equal(error, FakeLdap.FilterError(filter));
    }

    [Theory]
    [InlineData(")")]
    [InlineData("*)(uid=*")]
    [InlineData("\\")]
    [InlineData("a\0b(")]
    [InlineData("jdoe")]
    public void EscapedValues_AlwaysMakeAValidFilter(string value)
    {
        Assert.Null(FakeLdap.FilterError("(&(objectClass=person)(uid=" + FakeLdap.EscapeValue(value) + "))"));
    }
}
