using Harrier.Agent;

namespace Harrier.EndToEnd.Tests;

/// <summary>What of a stored Invicti scan policy reaches the engine.</summary>
public sealed class EnginePolicyFactoryTests
{
    [Fact]
    public void From_ReadsHttpSettings_AndSwitchesOffDisabledChecks()
    {
        var policy = EnginePolicyFactory.From("""
            {"HttpRequestSettings":{"ConcurrentConnectionCount":4,"RequestsPerSecond":25,"RequestTimeout":7,"UserAgent":"Tester/1"},
             "SecurityCheckGroupParents":[{"Title":"Checks","SecurityCheckGroups":[
               {"EngineGroup":"reflected-xss","Enabled":false},{"EngineGroup":"sql-injection-error-based","Enabled":true}]}]}
            """);

        Assert.Equal((4, 25, TimeSpan.FromSeconds(7), "Tester/1"), (policy.MaxConcurrency, policy.RequestsPerSecond, policy.RequestTimeout, policy.UserAgent));
        Assert.NotNull(policy.EnabledCheckIds);
        Assert.DoesNotContain("reflected-xss", policy.EnabledCheckIds);
        Assert.Contains("sql-injection-error-based", policy.EnabledCheckIds);
    }

    [Fact]
    public void From_RunsOffByDefaultChecks_OnlyWhenSwitchedOn()
    {
        var disablesXss = EnginePolicyFactory.From("""
            {"SecurityCheckGroupParents":[{"SecurityCheckGroups":[{"EngineGroup":"reflected-xss","Enabled":false}]}]}
            """);
        var enablesWeakCredentials = EnginePolicyFactory.From("""
            {"SecurityCheckGroupParents":[{"SecurityCheckGroups":[{"EngineGroup":"weak-credentials","Enabled":true}]}]}
            """);

        Assert.DoesNotContain("weak-credentials", disablesXss.EnabledCheckIds!);
        Assert.Contains("sensitive-files", disablesXss.EnabledCheckIds!);
        Assert.Contains("weak-credentials", enablesWeakCredentials.EnabledCheckIds!);
        Assert.Contains("reflected-xss", enablesWeakCredentials.EnabledCheckIds!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    [InlineData("{\"HttpRequestSettings\":{\"ConcurrentConnectionCount\":0,\"RequestTimeout\":-1},\"SecurityCheckGroupParents\":\"x\"}")]
    public void From_KeepsTheDefaults_WhenThePolicySaysNothingUsable(string? json)
    {
        var policy = EnginePolicyFactory.From(json);

        Assert.Equal(new Harrier.Engine.EnginePolicy(), policy);
    }
}
