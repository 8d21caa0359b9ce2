using Harrier.Core.Scans;
using Harrier.Engine.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harrier.Engine.Tests.Infrastructure;

/// <summary>Builders for scan requests, send paths and engine runs against loopback targets.</summary>
internal static class Scans
{
    public static EnginePolicy FastPolicy { get; } = new()
    {
        MaxConcurrency = 4,
        InitialConcurrency = 4,
        RequestTimeout = TimeSpan.FromSeconds(5),
        Strength = AttackStrength.Low,
    };

    public static ScanConfiguration Configuration(Uri target) => new() { TargetUrl = target.AbsoluteUri };

    public static ScanRequest Request(ScanConfiguration configuration, EnginePolicy? policy = null, IPauseGate? gate = null) =>
        new(Guid.NewGuid(), configuration, policy ?? FastPolicy, secret => "plain:" + secret.CipherText, gate ?? PauseGate.AlwaysOpen);

    public static Task<ScanOutcome> RunAsync(ScanConfiguration configuration, RecordingSink sink, EnginePolicy? policy = null, TimeProvider? time = null) =>
        new ScanEngine(time ?? TimeProvider.System).RunAsync(Request(configuration, policy), sink, TestContext.Current.CancellationToken);

    /// <summary>A send path for <paramref name="configuration"/>, as the engine would build it.</summary>
    public static ScanHttpClient Client(ScanConfiguration configuration, EnginePolicy? policy = null, IPauseGate? gate = null, TimeProvider? time = null)
    {
        policy ??= FastPolicy;
        var rules = RequestRules.From(configuration, []);
        var jar = new CookieJar();
        jar.Seed(configuration.Cookies, [rules.Scope.Target]);
        var credentials = TargetCredentials.From(configuration.Authentication, secret => "plain:" + secret.CipherText);
        var settings = new ScanHttpClientSettings(policy, rules, gate ?? PauseGate.AlwaysOpen, jar, credentials);
        return new ScanHttpClient(settings, ScannerHandlerFactory.Create(policy), time ?? TimeProvider.System, NullLogger.Instance);
    }
}
