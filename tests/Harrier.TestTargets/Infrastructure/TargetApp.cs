using System.Net;
using Harrier.TestTargets.Endpoints;

namespace Harrier.TestTargets.Infrastructure;

/// <summary>The composition root: a slim Kestrel host, two tiny middlewares, one Map call per area.</summary>
internal static class TargetApp
{
    public static WebApplication Build(TargetState state)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(TargetApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });

        // Benchmark target: nothing is logged per request.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, state.Options.Port);
        });

        var app = builder.Build();
        app.Use(static (context, next) =>
        {
            SecurityHeaders.Apply(context.Response.Headers);
            return next(context);
        });

        var delay = state.Options.ResponseDelay;
        if (delay > TimeSpan.Zero)
        {
            var timeProvider = state.TimeProvider;
            app.Use(async (context, next) =>
            {
                await Task.Delay(delay, timeProvider, context.RequestAborted).ConfigureAwait(false);
                await next(context).ConfigureAwait(false);
            });
        }

        SiteEndpoints.Map(app, state);
        CrawlEndpoints.Map(app);
        ScopeEndpoints.Map(app, state);
        AuthEndpoints.Map(app, state);
        GeneratorEndpoints.Map(app, state);
        XssEndpoints.Map(app, state);
        SqlInjectionEndpoints.Map(app, state);
        HeaderEndpoints.Map(app);
        CommandInjectionEndpoints.Map(app, state);
        PathTraversalEndpoints.Map(app);
        TemplateInjectionEndpoints.Map(app);
        RedirectEndpoints.Map(app);
        HeaderInjectionEndpoints.Map(app);
        XxeEndpoints.Map(app);
        CookieEndpoints.Map(app);
        DisclosureEndpoints.Map(app);
        CorsEndpoints.Map(app);
        FormEndpoints.Map(app);
        SsrfEndpoints.Map(app);

        app.MapFallback(static context => Html.NotFoundAsync(context));
        return app;
    }
}
