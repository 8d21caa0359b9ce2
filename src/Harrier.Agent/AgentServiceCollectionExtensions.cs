using Harrier.Core.Scans;
using Harrier.Engine;
using Harrier.Storage.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Harrier.Agent;

public static class AgentServiceCollectionExtensions
{
    /// <summary>Runs <paramref name="agentCount"/> scan agents in this process (none when 0: an API-only server).</summary>
    public static IServiceCollection AddScanAgents(this IServiceCollection services, int agentCount)
    {
        services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ScanLeases>();
        services.AddSingleton(provider => new ScanEngine(provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>()));
        if (agentCount > 0)
        {
            services.AddHostedService(provider => new ScanAgentService(
                provider.GetRequiredService<IServiceScopeFactory>(),
                provider.GetRequiredService<ScanEngine>(),
                provider.GetRequiredService<ISecretProtector>(),
                provider.GetRequiredService<IOptions<AgentOptions>>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<ScanAgentService>>(),
                agentCount));
        }

        return services;
    }
}
