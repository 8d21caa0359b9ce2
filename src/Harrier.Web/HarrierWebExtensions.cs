using Harrier.Web.Authentication;
using Harrier.Web.Infrastructure;
using Harrier.Web.Pages;

namespace Harrier.Web;

/// <summary>
/// The web UI of <c>harrier serve</c>, at <c>/</c> beside the API at <c>/api/1.0</c>. Call <see cref="AddHarrierWeb"/>
/// with the server's services and <see cref="MapHarrierWeb"/> after the API is mapped (it calls the API in process).
/// </summary>
public static class HarrierWebExtensions
{
    public static IServiceCollection AddHarrierWeb(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAuthentication().AddCookie(WebSession.Scheme, WebSession.Configure);
        services.AddAuthorizationBuilder().AddPolicy(WebSession.Policy, policy =>
            policy.AddAuthenticationSchemes(WebSession.Scheme).RequireAuthenticatedUser());
        services.AddAntiforgery(Security.ConfigureAntiforgery);
        services.AddSingleton<InProcessApi>();
        return services;
    }

    public static IEndpointRouteBuilder MapHarrierWeb(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Assets.Map(app);
        SignInPages.Map(app);
        app.MapGet("/", () => Layout.SeeOther("/scans")).AllowAnonymous().ExcludeFromDescription();

        var ui = app.MapGroup("").RequireAuthorization(WebSession.Policy).AddEndpointFilter(Security.RequireSameOriginAndToken)
            .ExcludeFromDescription();
        SignInPages.MapSignOut(ui);
        ScansListPage.Map(ui);
        ScanActions.Map(ui);
        NewScanPage.Map(ui);
        WebsitesPage.Map(ui);
        PoliciesPages.Map(ui);
        ApiSettingsPage.Map(ui);
        return app;
    }
}
