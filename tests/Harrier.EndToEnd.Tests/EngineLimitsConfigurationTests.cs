using Harrier.Agent;
using Harrier.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Harrier.EndToEnd.Tests;

/// <summary>The <c>Harrier:Engine</c> ceilings are bound for the agents, and bad values stop the process before it starts.</summary>
public sealed class EngineLimitsConfigurationTests
{
    [Fact]
    public void Section_IsBound()
    {
        using var provider = AgentServices.Build(new()
        {
            ["Harrier:Engine:MaxResponseBytes"] = "65536",
            ["Harrier:Engine:MaxEvidenceChars"] = "1000",
            ["Harrier:Engine:MaxCrawlRequests"] = "25",
        });

        var options = provider.GetRequiredService<IOptions<EngineOptions>>().Value;

        Assert.Equal((65536, 1000, 25), (options.MaxResponseBytes, options.MaxEvidenceChars, options.MaxCrawlRequests));
    }

    [Fact]
    public void Defaults_AreTheEngineDefaults()
    {
        using var provider = AgentServices.Build([]);

        var options = provider.GetRequiredService<IOptions<EngineOptions>>().Value;

        Assert.Equal((2 * 1024 * 1024, 64 * 1024, 10_000), (options.MaxResponseBytes, options.MaxEvidenceChars, options.MaxCrawlRequests));
    }

    [Theory]
    [InlineData("MaxResponseBytes", "0")]
    [InlineData("MaxResponseBytes", "-1")]
    [InlineData("MaxResponseBytes", "1023")]
    [InlineData("MaxEvidenceChars", "0")]
    [InlineData("MaxEvidenceChars", "99999999")]
    [InlineData("MaxCrawlRequests", "0")]
    [InlineData("MaxCrawlRequests", "-10")]
    [InlineData("MaxCrawlRequests", "10000001")]
    public void OutOfRangeValues_AreRejected_NamingTheSetting(string name, string value)
    {
        using var provider = AgentServices.Build(new() { ["Harrier:Engine:" + name] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EngineOptions>>().Value);

        Assert.Contains("Harrier:Engine:" + name + " must be a whole number from ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonNumericValue_IsRejected()
    {
        using var provider = AgentServices.Build(new() { ["Harrier:Engine:MaxCrawlRequests"] = "lots" });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<EngineOptions>>().Value);

        Assert.Contains("Harrier:Engine:MaxCrawlRequests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AgentHost_WithABadCeiling_IsNotBuilt()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "harrier-limits-" + Guid.NewGuid().ToString("N"));
        try
        {
            var error = Assert.Throws<OptionsValidationException>(() => HarrierAgentHost.Create([], new Dictionary<string, string?>
            {
                ["Harrier:DataDir"] = dataDir,
                ["Harrier:Agents"] = "1",
                ["Harrier:Engine:MaxCrawlRequests"] = "0",
            }));

            Assert.Contains("Harrier:Engine:MaxCrawlRequests must be a whole number from 1 to 10000000.", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public void AgentHost_WithTwoBadSections_ReportsBoth()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "harrier-limits-" + Guid.NewGuid().ToString("N"));
        try
        {
            var error = Assert.Throws<ArgumentException>(() => HarrierAgentHost.Create([], new Dictionary<string, string?>
            {
                ["Harrier:DataDir"] = dataDir,
                ["Harrier:Agents"] = "1",
                ["Harrier:Engine:MaxEvidenceChars"] = "10",
                ["Harrier:Agent:MaxAttempts"] = "0",
            }));

            Assert.Contains("Harrier:Engine:MaxEvidenceChars must be a whole number from 256 to 16777216.", error.Message, StringComparison.Ordinal);
            Assert.Contains("MaxAttempts", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
