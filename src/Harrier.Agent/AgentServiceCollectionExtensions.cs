using Harrier.Core.Scans;
using Harrier.Engine;
using Harrier.Engine.OutOfBand;
using Harrier.Storage.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Harrier.Agent;

public static class AgentServiceCollectionExtensions
{
    /// <summary>
    /// Runs <paramref name="agentCount"/> scan agents in this process (none when 0: an API-only server). The lease reaper runs in
    /// every process, agents or not; on PostgreSQL an advisory lock lets exactly one process reap at a time.
    /// </summary>
    public static IServiceCollection AddScanAgents(this IServiceCollection services, int agentCount)
    {
        services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ScanLeases>();
        services.AddScoped<AgentRegistry>();
        services.AddHostedService(provider => new LeaseReaperService(
            provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetRequiredService<IOptions<AgentOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<LeaseReaperService>>()));
        services.AddOptions<OutOfBandOptions>().BindConfiguration(OutOfBandOptions.Section).ValidateDataAnnotations()
            .Validate(IsValid, "Harrier:OutOfBand: BindAddress must be an IP address, PublicBaseUrl an absolute http(s) URL, CallbackWait at most 1 minute.")
            .ValidateOnStart();
        services.AddSingleton(provider => new ScanEngine(provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>())
        {
            OutOfBand = provider.GetRequiredService<IOptions<OutOfBandOptions>>().Value,
        });
        if (agentCount > 0)
        {
            services.AddHostedService(provider => new ScanAgentService(
                provider.GetRequiredService<IServiceScopeFactory>(),
                provider.GetRequiredService<ScanEngine>(),
                provider.GetRequiredService<ISecretProtector>(),
                provider.GetRequiredService<IOptions<AgentOptions>>(),
                provider.GetRequiredService<IOptions<EngineOptions>>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<ScanAgentService>>(),
                agentCount));
        }

        return services;
    }

    private static bool IsValid(OutOfBandOptions options)
    {
        try
        {
            options.Validate();
            return true;
        }
        catch (System.ComponentModel.DataAnnotations.ValidationException)
        {
            return false;
        }
    }
}
