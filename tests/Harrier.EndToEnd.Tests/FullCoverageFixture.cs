using Harrier.Api.Tests;
using Harrier.TestTargets;
using Microsoft.EntityFrameworkCore;

namespace Harrier.EndToEnd.Tests;

/// <summary>
/// One scan of the whole test target (from <c>/</c>, signed in through its login form) by a server and its agents,
/// with every stored finding loaded once for <see cref="FullCoverageEndToEndTests"/>.
/// </summary>
public sealed class FullCoverageFixture : IAsyncLifetime
{
    /// <summary>A guard against a hung scan, not a performance assertion: the scan takes about a minute on 2 cores.</summary>
    private static readonly TimeSpan s_scanGuard = TimeSpan.FromMinutes(15);

    private readonly ScanningFixture _server = new();
    private TestTargetServer? _target;

    public string FinalState { get; private set; } = "";

    public TimeSpan ScanTime { get; private set; }

    /// <summary>Requests the scan sent, as stored (<c>CompletedSteps</c>).</summary>
    public int RequestCount { get; private set; }

    /// <summary>Every finding of the scan, with the attacked parameter as stored.</summary>
    public IReadOnlyList<StoredFinding> Findings { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        await _server.InitializeAsync();
        _target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 20 });
        var client = _server.Client();
        var started = TimeProvider.System.GetTimestamp();
        var scan = await client.LaunchAsync(_target.BaseUrl.AbsoluteUri, new
        {
            FormAuthenticationSettingModel = new
            {
                IsEnabled = true,
                LoginFormUrl = _target.GetUrl("/auth/login").AbsoluteUri,
                Personas = new[] { new { IsActive = true, UserName = TestTargetOptions.DefaultUserName, Password = TestTargetOptions.DefaultPassword } },
            },
        });
        var scanId = Guid.Parse(scan.Id());
        while (true)
        {
            var (_, detail) = await client.GetJsonAsync($"/api/1.0/scans/detail/{scanId}");
            FinalState = (string?)detail!["State"] ?? "";
            if (FinalState is "Complete" or "Failed" or "Cancelled" || TimeProvider.System.GetElapsedTime(started) > s_scanGuard)
            {
                break;
            }

            await Task.Delay(200);
        }

        ScanTime = TimeProvider.System.GetElapsedTime(started);
        var findings = new List<StoredFinding>();
        await _server.WithDbAsync(async db => findings.AddRange(
            (await db.Vulnerabilities.Where(v => v.ScanId == scanId).ToListAsync())
            .Select(v => new StoredFinding(v.Type, new Uri(v.Url), v.Parameter, v.ParameterLocation))));
        Findings = findings;
        await _server.WithDbAsync(async db => RequestCount = (await db.Scans.SingleAsync(s => s.Id == scanId)).CompletedSteps);
    }

    public async ValueTask DisposeAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }

        await _server.DisposeAsync();
    }
}

/// <summary>A finding as stored: its type, URL, and the attacked parameter and where it travels.</summary>
public sealed record StoredFinding(string Type, Uri Url, string? Parameter, string? ParameterLocation)
{
    public override string ToString() => $"{Type} {Url.AbsolutePath} [{Parameter}]";
}
