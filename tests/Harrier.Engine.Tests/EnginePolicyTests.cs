using System.ComponentModel.DataAnnotations;

namespace Harrier.Engine.Tests;

public sealed class EnginePolicyTests
{
    [Fact]
    public void Ctor_EnsureDefaultValues()
    {
        var policy = new EnginePolicy();

        Assert.Equal(10, policy.MaxConcurrency);
        Assert.Equal(2, policy.InitialConcurrency);
        Assert.Equal(0, policy.RequestsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(30), policy.RequestTimeout);
        Assert.Equal("Harrier/1.0 (+https://github.com/harrier-scanner)", policy.UserAgent);
        Assert.Equal(AttackStrength.Medium, policy.Strength);
        Assert.Null(policy.EnabledCheckIds);
        policy.Validate();
    }

    public static TheoryData<EnginePolicy> InvalidPolicies =>
    [
        new EnginePolicy { MaxConcurrency = 0 },
        new EnginePolicy { RequestsPerSecond = -1 },
        new EnginePolicy { RequestTimeout = TimeSpan.Zero },
        new EnginePolicy { RequestTimeout = TimeSpan.FromHours(1) },
        new EnginePolicy { UserAgent = "" },
        new EnginePolicy { MaxResponseBytes = 10 },
        new EnginePolicy { MaxCrawlRequests = 0 },
    ];

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public void Validate_Invalid_EnsureValidationError(EnginePolicy policy) =>
        Assert.Throws<ValidationException>(policy.Validate);
}
