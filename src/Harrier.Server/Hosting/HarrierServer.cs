using Harrier.Agent;
using Harrier.Contracts.Serialization;
using Harrier.Server.Authentication;
using Harrier.Server.Endpoints;
using Harrier.Server.Http;
using Harrier.Server.Mapping;
using Harrier.Server.Reports;
using Harrier.Server.Scans;
using Harrier.Server.Scheduling;
using Harrier.Storage.Users;
using Harrier.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Harrier.Server.Hosting;

/// <summary>
/// Composition root of <c>harrier serve</c>: configuration, services, and the HTTP pipeline. The executable and the
/// tests both build the server here, so they run the same thing. Storage is SQLite in the data directory, or PostgreSQL
/// when <c>Harrier:Database:ConnectionString</c> (<c>--database</c>) is set (<see cref="HarrierStorage"/>).
/// </summary>
public static class HarrierServer
{
    /// <summary>
    /// Builds the server. <paramref name="overrides"/> (command-line flags) win over every other configuration source;
    /// <paramref name="replaceServices"/> runs last, so tests can swap a service (e.g. the engine's clock).
    /// </summary>
    public static WebApplication Create(
        string[] args, IEnumerable<KeyValuePair<string, string?>>? overrides = null, Action<IServiceCollection>? replaceServices = null)
    {
        // appsettings.json is read from beside the executable, wherever harrier is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var options = builder.Configuration.GetSection(HarrierOptions.Section).Get<HarrierOptions>() ?? new HarrierOptions();
        var dataDir = Path.GetFullPath(options.DataDir);
        Directory.CreateDirectory(dataDir);
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var apiOptions = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = apiOptions.MaxRequestBodyBytes;
        });

        AddServices(builder.Services, options, dataDir);
        builder.Services.AddScanAgents(options.Agents);
        builder.Services.AddHarrierWeb();
        replaceServices?.Invoke(builder.Services);
        var app = SettingsValidation.Validated(builder.Build());
        ConfigurePipeline(app);
        return app;
    }

    /// <summary>Applies migrations and creates the first user, then serves until SIGTERM or Ctrl-C.</summary>
    public static async Task RunAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await InitializeAsync(app, cancellationToken).ConfigureAwait(false);
        await app.RunAsync().ConfigureAwait(false);
    }

    public static async Task InitializeAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var scope = app.Services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddServices(IServiceCollection services, HarrierOptions options, string dataDir)
    {
        services.AddOptions<HarrierOptions>().BindConfiguration(HarrierOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o => o.DataDir = dataDir);
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        HarrierStorage.Add(services, options, dataDir);
        services.AddSingleton<FailedAuthenticationLimiter>();
        services.AddSingleton(sp => new AuthenticatedUsers(sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ApiOptions>>().Value.TokenCacheLifetime));
        services.AddScoped<ScanLauncher>();
        services.AddScoped<ScanModelMapper>();
        services.AddScoped<LaunchTimeEstimator>();
        services.AddSingleton<LaunchTimeEstimator.QueueFigures>();
        services.AddSingleton<VisibleScanCounts>();
        services.AddScoped<ReportDocumentBuilder>();
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ScheduleRunner>();
        if (options.Scheduler.Enabled)
        {
            services.AddHostedService<SchedulerService>();
        }
        services.AddAuthentication(ApiTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.ConfigureHttpJsonOptions(json => InvictiJson.Configure(json.SerializerOptions));
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Harrier API (Invicti Enterprise API v1.0 compatible)";
            document.Info.Version = "v1";
            return Task.CompletedTask;
        }));
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseMiddleware<WireConventionsMiddleware>();
        app.UseMiddleware<ApiErrorMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/health", () => TypedResults.Ok(new { Status = "Healthy" })).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi("/swagger/docs/{documentName}").AllowAnonymous();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "swagger";
            ui.DocumentTitle = "Harrier API";
            ui.SwaggerEndpoint("/swagger/docs/v1", "Harrier API v1");
        });

        // Every API handler answers its own refusals, so the web UI's in-process calls get them too.
        var api = app.MapGroup("").AddEndpointFilter<ApiErrorFilter>();
        api.MapScansApi();
        api.MapWebsitesApi();
        api.MapWebsiteGroupsApi();
        api.MapIssuesApi();
        api.MapScanPoliciesApi();
        api.MapScanProfilesApi();
        api.MapAccountApi();
        api.MapPluginApi();
        api.MapAgentsApi();
        app.MapHarrierWeb();
    }
}
