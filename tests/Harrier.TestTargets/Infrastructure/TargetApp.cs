using System.Net;
using System.Security.Cryptography;
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
        if (state.Options.OnRequest is { } onRequest)
        {
            app.Use((context, next) =>
            {
                if (!context.Request.Path.StartsWithSegments(AdminEndpoints.Prefix, StringComparison.Ordinal))
                {
                    onRequest(context.Request.Method, context.Request.Path.Value + context.Request.QueryString.Value);
                }

                return next(context);
            });
        }

        app.Use(static (context, next) =>
        {
            SecurityHeaders.Apply(context.Response.Headers);

            // HEAD answers like GET; Kestrel drops the body of a HEAD response by itself.
            if (HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });

        var delay = state.Options.ResponseDelay;
        var jitterTicks = state.Options.ResponseJitter.Ticks;
        if (delay > TimeSpan.Zero || jitterTicks > 0)
        {
            var timeProvider = state.TimeProvider;
            app.Use(async (context, next) =>
            {
                var wait = jitterTicks > 0 ? delay + TimeSpan.FromTicks(RandomNumberGenerator.GetInt32((int)Math.Min(jitterTicks, int.MaxValue))) : delay;
                await Task.Delay(wait, timeProvider, context.RequestAborted).ConfigureAwait(false);
                await next(context).ConfigureAwait(false);
            });
        }

        // Explicit, so that routing sees the HEAD-to-GET rewrite above.
        app.UseRouting();

        // A hole fixed through the admin surface: its route is served by the safe twin's handler; a route without one
        // (a probed file) answers 404, as its twin does.
        app.Use((context, next) =>
        {
            if (!state.Holes.IsFixed(context.Request.Path) || context.GetEndpoint() is not { } endpoint)
            {
                return next(context);
            }

            return endpoint.Metadata.GetMetadata<SafeTwinHandler>() is { } twin ? twin.Handler(context) : Html.NotFoundAsync(context);
        });

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
        FileInclusionEndpoints.Map(app);
        SensitiveFileEndpoints.Map(app);
        XPathInjectionEndpoints.Map(app);
        LdapInjectionEndpoints.Map(app);
        ParameterPollutionEndpoints.Map(app);
        MethodEndpoints.Map(app);
        AdminEndpoints.Map(app, state);

        app.MapFallback(static context => Html.NotFoundAsync(context));
        return app;
    }
}
