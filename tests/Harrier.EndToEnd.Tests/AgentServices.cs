using Harrier.Agent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harrier.EndToEnd.Tests;

/// <summary>The agents' services as <c>harrier serve</c> and <c>harrier agent</c> register them, over in-memory settings.</summary>
internal static class AgentServices
{
    public static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddScanAgents(0);
        return services.BuildServiceProvider();
    }
}
