using Harrier.Engine.Authentication;
using Harrier.Engine.Http;

namespace Harrier.Engine.Checks.Resource;

/// <summary>
/// Tries a small fixed list of default credentials (admin/admin, …) on every login form, once per form target. A wrong
/// random login must first be recognisably refused (the password form again, or a redirect back); a pair counts when its
/// answer is different: a redirect elsewhere, or a successful page without a password form. Off in the default policy:
/// it logs in (the scan then continues with that session) and can count towards account lockouts.
/// </summary>
internal sealed class WeakCredentialsCheck : IResourceCheck
{
    private static readonly (string User, string Password)[] s_pairs =
    [
        ("admin", "admin"), ("admin", "password"), ("admin", "123456"), ("test", "test"), ("root", "root"), ("guest", "guest"),
    ];

    public CheckMetadata Metadata => WeakCredentialsDefinition.Metadata;

    public async Task RunAsync(ResourceCheckContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = context.Response;
        if (page.StatusCode is < 200 or >= 300 || !page.IsHtml || !LoginFormLocator.HasPasswordForm(page.BodyText))
        {
            return;
        }

        var url = page.Request.Url;
        var wrong = LoginFormLocator.BuildSubmission(url, page.BodyText, ProbePaths.RandomName(string.Empty), ProbePaths.RandomName("!"));
        if (wrong is null || !context.TryClaimOnce(Metadata.Id + " " + wrong.Method + " " + wrong.Url.GetLeftPart(UriPartial.Path)))
        {
            return;
        }

        var refused = await context.SendAsync(wrong, cancellationToken).ConfigureAwait(false);
        if (refused is null || !IsRefusal(refused, url))
        {
            return; // Without a recognisable refusal, a different answer would prove nothing.
        }

        foreach (var (user, password) in s_pairs)
        {
            var attempt = LoginFormLocator.BuildSubmission(url, page.BodyText, user, password);
            var response = attempt is null ? null : await context.SendAsync(attempt, cancellationToken).ConfigureAwait(false);
            if (response is null || IsRefusal(response, url) || !IsAcceptance(response, refused))
            {
                continue;
            }

            var finding = FindingFactory.Create(
                Metadata, Metadata.Types[0], response.Request with { IsAttack = false }, point: null, payload: user + " / " + password,
                context.CreateEvidence(response, "The login form accepted " + user + " / " + password));
            await context.ReportAsync(finding with { Url = url.GetLeftPart(UriPartial.Path) }, cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    /// <summary>The login form shown again, or a redirect back to the login page.</summary>
    private static bool IsRefusal(ScanHttpResponse response, Uri loginPage) =>
        (response.StatusCode is >= 200 and < 300 && response.IsHtml && LoginFormLocator.HasPasswordForm(response.BodyText))
        || (response.IsRedirect && Location(response) is { } target && target.AbsolutePath == loginPage.AbsolutePath);

    /// <summary>A redirect somewhere the refusal did not go, or a successful page without a password form.</summary>
    private static bool IsAcceptance(ScanHttpResponse response, ScanHttpResponse refused) =>
        response.IsRedirect
            ? Location(response) is { } target && target != (refused.IsRedirect ? Location(refused) : null)
            : response.StatusCode is >= 200 and < 300 && !LoginFormLocator.HasPasswordForm(response.BodyText);

    private static Uri? Location(ScanHttpResponse response) =>
        Uri.TryCreate(response.Request.Url, response.GetHeader("Location"), out var target) ? target : null;
}
