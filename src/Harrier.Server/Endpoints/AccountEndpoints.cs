using Harrier.Contracts.Models;
using Microsoft.EntityFrameworkCore;

namespace Harrier.Server.Endpoints;

/// <summary><c>/api/1.0/account/*</c>: who am I (the cheap token check clients use) and the licence a self-hosted server has.</summary>
internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/1.0/account").RequireAuthorization().WithTags("Account");
        api.MapGet("/me", Me).Produces<UserHealthCheckApiModel>();
        api.MapGet("/license", License).Produces<AccountLicenseApiModel>();
        return api;
    }

    public static async Task<IResult> Me([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var user = await s.Db.Users.AsNoTracking().FirstAsync(u => u.Id == s.Caller.Id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new UserHealthCheckApiModel
        {
            DateFormat = user.DateFormat,
            DisplayName = user.Name,
            Email = user.Email,
            AlternateLoginEmail = null,
            TimeZoneInfo = user.TimeZoneId,
        });
    }

    /// <summary>Harrier is unlicensed open source: no site limit, no credits, no expiry.</summary>
    public static async Task<IResult> License([AsParameters] ApiServices s, CancellationToken cancellationToken)
    {
        var sites = await s.Db.Websites.CountAsync(w => w.UserId == s.Caller.Id && w.DeletedAt == null, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new AccountLicenseApiModel
        {
            SubscriptionMaximumSiteLimit = int.MaxValue,
            SubscriptionSiteCount = sites,
            SubscriptionEndDate = null,
            SubscriptionStartDate = null,
            IsAccountWhitelisted = true,
            UsedScanCreditCount = 0,
            ScanCreditCount = 0,
            IsCreditScanEnabled = false,
            IsSubscriptionEnabled = true,
            PreVerifiedWebsites = [],
            Licenses = [],
        });
    }
}
