using Harrier.Agent;

namespace Harrier.EndToEnd.Tests;

/// <summary>What of a stored Invicti scan policy reaches the engine.</summary>
public sealed class EnginePolicyFactoryTests
{
    private static readonly EngineOptions s_server = new();

    [Fact]
    public void From_ReadsHttpSettings_AndSwitchesOffDisabledChecks()
    {
        var policy = EnginePolicyFactory.From("""
            {"HttpRequestSettings":{"ConcurrentConnectionCount":4,"RequestsPerSecond":25,"RequestTimeout":7,"UserAgent":"Tester/1"},
             "SecurityCheckGroupParents":[{"Title":"Checks","SecurityCheckGroups":[
               {"EngineGroup":"reflected-xss","Enabled":false},{"EngineGroup":"sql-injection-error-based","Enabled":true}]}]}
            """, s_server);

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
            """, s_server);
        var enablesWeakCredentials = EnginePolicyFactory.From("""
            {"SecurityCheckGroupParents":[{"SecurityCheckGroups":[{"EngineGroup":"weak-credentials","Enabled":true}]}]}
            """, s_server);

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
        var policy = EnginePolicyFactory.From(json, s_server);

        Assert.Equal(new Harrier.Engine.EnginePolicy(), policy);
    }

    [Theory]
    [InlineData(500, 10_000, 500)] // the policy asks for less: the policy wins
    [InlineData(50_000, 10_000, 10_000)] // the policy asks for more: the server ceiling wins
    [InlineData(300, 200, 200)]
    [InlineData(0, 700, 700)] // 0 (Invicti: not set) keeps the server ceiling
    [InlineData(-5, 700, 700)]
    public void From_CapsTheCrawl_AtTheLowerOfPolicyAndServer(int policyCount, int serverCeiling, int expected)
    {
        var policy = EnginePolicyFactory.From(
            """{"CrawlingSettings":{"MaximumCrawlerUrlCount":""" + policyCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}",
            new EngineOptions { MaxCrawlRequests = serverCeiling });

        Assert.Equal(expected, policy.MaxCrawlRequests);
        policy.Validate();
    }

    [Fact]
    public void From_TakesTheServerLimits_WhateverThePolicySays()
    {
        var server = new EngineOptions { MaxResponseBytes = 4096, MaxEvidenceChars = 300, MaxCrawlRequests = 42 };

        var withoutPolicy = EnginePolicyFactory.From(null, server);
        var withPolicy = EnginePolicyFactory.From("""{"HttpRequestSettings":{"ConcurrentConnectionCount":3},"CrawlingSettings":{}}""", server);

        foreach (var policy in new[] { withoutPolicy, withPolicy })
        {
            Assert.Equal((4096, 300, 42), (policy.MaxResponseBytes, policy.MaxEvidenceChars, policy.MaxCrawlRequests));
        }

        Assert.Equal(3, withPolicy.MaxConcurrency);
    }
}
