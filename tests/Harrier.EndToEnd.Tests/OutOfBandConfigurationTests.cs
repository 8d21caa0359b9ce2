using Harrier.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Harrier.EndToEnd.Tests;

/// <summary>The agent's <c>Harrier:OutOfBand</c> section reaches the engine's listener options, and bad values stop the start.</summary>
public sealed class OutOfBandConfigurationTests
{
    [Fact]
    public void Section_IsBoundIntoTheEngine()
    {
        using var provider = AgentServices.Build(new()
        {
            ["Harrier:OutOfBand:BindAddress"] = "0.0.0.0",
            ["Harrier:OutOfBand:Port"] = "8099",
            ["Harrier:OutOfBand:PublicBaseUrl"] = "http://scanner.example.net:8099/",
            ["Harrier:OutOfBand:CallbackWait"] = "00:00:05",
        });

        var options = provider.GetRequiredService<ScanEngine>().OutOfBand;

        Assert.Equal(("0.0.0.0", 8099, new Uri("http://scanner.example.net:8099/"), TimeSpan.FromSeconds(5), true),
            (options.BindAddress, options.Port, options.PublicBaseUrl, options.CallbackWait, options.Enabled));
    }

    [Fact]
    public void Defaults_ListenOnLoopback()
    {
        using var provider = AgentServices.Build([]);

        var options = provider.GetRequiredService<ScanEngine>().OutOfBand;

        Assert.Equal(("127.0.0.1", 0, null, true), (options.BindAddress, options.Port, options.PublicBaseUrl, options.Enabled));
    }

    [Theory]
    [InlineData("Harrier:OutOfBand:BindAddress", "scanner.example.net")]
    [InlineData("Harrier:OutOfBand:Port", "70000")]
    [InlineData("Harrier:OutOfBand:PublicBaseUrl", "ftp://scanner.example.net/")]
    public void InvalidValues_AreRejected(string key, string value)
    {
        using var provider = AgentServices.Build(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Harrier.Engine.OutOfBand.OutOfBandOptions>>().Value);
    }
}
