using System.Text.RegularExpressions;
using Harrier.Core.Scans;
using Harrier.Engine.Http;
using Microsoft.Extensions.Logging;

namespace Harrier.Engine.Authentication;

/// <summary>
/// Form login for one scan: fetches the login page, submits its password form with the configured credentials
/// through the send path (so the session cookie lands in the scan's jar), and checks the logged-in state. While the
/// scan runs it recognises a lost session (a redirect to the login page or the logout redirect pattern, or a logout
/// keyword in a page) and logs in again, at most <see cref="MaxRelogins"/> times.
/// </summary>
internal sealed class FormLoginSession : ISessionGuard, IDisposable
{
    public const int MaxRelogins = 20;
    private const int MaxRedirects = 5;
    private static readonly AsyncLocal<bool> s_inLogin = new();
    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromMilliseconds(200);

    private readonly FormAuthentication _settings;
    private readonly string _password;
    private readonly ScanHttpClient _client;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly List<Regex> _logoutKeywords;
    private readonly Regex? _logoutRedirect;
    private int _relogins;
    private long _generation;

    public FormLoginSession(FormAuthentication settings, string password, ScanHttpClient client, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _password = password;
        _client = client;
        _logger = logger;
        LoginUrl = new Uri(settings.LoginFormUrl, UriKind.Absolute);
        _logoutKeywords = [.. settings.LogoutKeywordPatterns.Select(Compile).OfType<Regex>()];
        _logoutRedirect = string.IsNullOrWhiteSpace(settings.LogoutRedirectPattern) ? null : Compile(settings.LogoutRedirectPattern);
    }

    public Uri LoginUrl { get; }

    /// <summary>Logs in at the start of the scan; a failure fails the scan with <see cref="ScanFailureReason.LoginFailed"/>.</summary>
    public async Task LoginAsync(CancellationToken cancellationToken)
    {
        var problem = await TryLoginAsync(cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            throw new ScanFailedException(ScanFailureReason.LoginFailed, "Form login at " + LoginUrl + " failed: " + problem);
        }

        AuthLog.LoggedIn(_logger, LoginUrl);
    }

    public bool IsSessionLost(ScanHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (_settings.DisableLogoutDetection || s_inLogin.Value || IsLoginPage(response.Request.Url))
        {
            return false;
        }

        if (response.IsRedirect)
        {
            var location = Http.ScanScope.IsHttp(response.Request.Url) && Uri.TryCreate(response.Request.Url, response.GetHeader("Location"), out var target) ? target : null;
            return location is not null && (IsLoginPage(location) || Matches(_logoutRedirect, location.AbsoluteUri));
        }

        return _logoutKeywords.Count > 0 && response.IsHtml && _logoutKeywords.Any(k => Matches(k, response.BodyText));
    }

    public async Task<bool> RestoreAsync(ScanHttpResponse lostAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lostAt);
        var generation = Interlocked.Read(ref _generation);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (generation != Interlocked.Read(ref _generation))
            {
                return true; // Another request already logged in again.
            }

            if (_relogins >= MaxRelogins)
            {
                if (_relogins++ == MaxRelogins)
                {
                    AuthLog.TooManyLogouts(_logger, MaxRelogins);
                }

                return false;
            }

            AuthLog.SessionLost(_logger, lostAt.Request.Url, ++_relogins);
            var restored = await TryLoginAsync(cancellationToken).ConfigureAwait(false) is null;
            Interlocked.Increment(ref _generation);
            return restored;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>Returns null on success, otherwise a short reason (no credentials in it).</summary>
    private async Task<string?> TryLoginAsync(CancellationToken cancellationToken)
    {
        s_inLogin.Value = true;
        try
        {
            var page = await _client.SendAsync(ScanHttpRequest.Get(LoginUrl), cancellationToken).ConfigureAwait(false);
            if (page.Response is not { } loginPage)
            {
                return "the login page could not be loaded (" + page.Error + ").";
            }

            var submission = LoginFormLocator.BuildSubmission(LoginUrl, loginPage.BodyText, _settings.UserName, _password);
            if (submission is null)
            {
                return "no form with a password field was found on the login page.";
            }

            var response = await FollowAsync(submission, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return "submitting the login form failed.";
            }

            if (response.StatusCode >= 400 || LoginFormLocator.HasPasswordForm(response.BodyText))
            {
                return "the site still shows a login form after the credentials were submitted.";
            }

            return await VerifyAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            s_inLogin.Value = false;
        }
    }

    private async Task<string?> VerifyAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_settings.LoginRequiredUrl) || !Uri.TryCreate(_settings.LoginRequiredUrl, UriKind.Absolute, out var required))
        {
            return null;
        }

        var check = (await _client.SendAsync(ScanHttpRequest.Get(required), cancellationToken).ConfigureAwait(false)).Response;
        s_inLogin.Value = false;
        var lost = check is null || check.StatusCode >= 400 || IsSessionLost(check) || LoginFormLocator.HasPasswordForm(check.BodyText);
        return lost ? "the page that requires login (" + required + ") is still not accessible." : null;
    }

    private async Task<ScanHttpResponse?> FollowAsync(ScanHttpRequest request, CancellationToken cancellationToken)
    {
        var response = (await _client.SendAsync(request, cancellationToken).ConfigureAwait(false)).Response;
        for (var i = 0; i < MaxRedirects && response is { IsRedirect: true }; i++)
        {
            if (!Uri.TryCreate(response.Request.Url, response.GetHeader("Location"), out var next))
            {
                break;
            }

            response = (await _client.SendAsync(ScanHttpRequest.Get(next), cancellationToken).ConfigureAwait(false)).Response;
        }

        return response;
    }

    private bool IsLoginPage(Uri url) =>
        string.Equals(url.GetLeftPart(UriPartial.Path), LoginUrl.GetLeftPart(UriPartial.Path), StringComparison.OrdinalIgnoreCase);

    private static bool Matches(Regex? regex, string text)
    {
        try
        {
            return regex is not null && regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Regex? Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
