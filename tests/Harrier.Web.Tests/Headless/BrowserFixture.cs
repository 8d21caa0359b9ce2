using Harrier.TestTargets;

namespace Harrier.Web.Tests.Headless;

/// <summary>A Harrier server with two agents and a running TestTargets site to scan.</summary>
public sealed class BrowserFixture : WebFixture
{
    private TestTargetServer? _target;

    protected override int Agents => 2;

    public TestTargetServer Target => _target!;

    /// <summary>Where screenshots go: <c>HARRIER_UI_SCREENSHOTS</c>, else <c>ui-screenshots</c> beside the test assembly.</summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("HARRIER_UI_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "ui-screenshots");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _target = await TestTargetServer.StartAsync(new TestTargetOptions { GeneratedPages = 20 });
    }

    public override async ValueTask DisposeAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
