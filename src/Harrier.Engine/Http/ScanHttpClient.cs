using System.Net;
using System.Text;
using Harrier.Core.Findings;
using Microsoft.Extensions.Logging;

namespace Harrier.Engine.Http;

/// <summary>
/// The one send path. Every request of a scan, from the crawler or a check, goes through <see cref="SendAsync"/>,
/// which enforces in order: scope, excluded links and disallowed methods; the pause gate; adaptive concurrency; the
/// request rate; the request timeout and the response-size cap. It adds the User-Agent, the scan's cookies and
/// target credentials, updates the cookie jar, counts requests and hands each response to the observer (passive checks).
/// A misbehaving target never throws out of here: failures come back as a <see cref="SendResult"/>.
/// </summary>
internal sealed class ScanHttpClient(
    ScanHttpClientSettings settings,
    HttpMessageHandler handler,
    TimeProvider timeProvider,
    ILogger logger) : IDisposable
{
    private readonly HttpMessageInvoker _invoker = new(handler, disposeHandler: true);
    private readonly AdaptiveConcurrencyLimiter _concurrency = new(settings.Policy.InitialConcurrency, settings.Policy.MaxConcurrency, timeProvider);
    private readonly RequestRateLimiter _rate = new(settings.Policy.RequestsPerSecond, timeProvider);
    private long _requestsSent;
    private long _failures;

    public long RequestsSent => Interlocked.Read(ref _requestsSent);

    public long Failures => Interlocked.Read(ref _failures);

    public int CurrentConcurrency => _concurrency.CurrentLimit;

    public RequestRules Rules => settings.Rules;

    public CookieJar Cookies => settings.Cookies;

    /// <summary>Called with every response received (passive checks, session watch). Exceptions are the observer's to handle.</summary>
    public Func<ScanHttpResponse, CancellationToken, ValueTask>? Observer { get; set; }

    /// <summary>Restores a lost login session; the request that noticed the loss is then sent once more.</summary>
    public ISessionGuard? SessionGuard { get; set; }

    public Task<SendResult> SendAsync(ScanHttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendCoreAsync(request, mayRestoreSession: true, cancellationToken);
    }

    private async Task<SendResult> SendCoreAsync(ScanHttpRequest request, bool mayRestoreSession, CancellationToken cancellationToken)
    {
        var verdict = settings.Rules.Check(request);
        if (verdict != SendError.None)
        {
            HttpLog.RequestBlocked(logger, request.Method, request.Url, verdict);
            return SendResult.Blocked(verdict, "Not sent: " + verdict + ".");
        }

        await settings.PauseGate.WaitWhilePausedAsync(cancellationToken).ConfigureAwait(false);
        await _concurrency.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var started = timeProvider.GetTimestamp();
        SendResult result = SendResult.Failed(SendError.Timeout, "Not sent.");
        try
        {
            // The rate slot is taken last, right before the send: slots taken earlier by requests that then waited for a
            // concurrency slot would go out together, a burst above the rate (PolitenessTests measured 17 in a second at 10/s).
            await _rate.WaitAsync(cancellationToken).ConfigureAwait(false);
            // Paused while waiting for a slot: still nothing goes out until the gate opens.
            await settings.PauseGate.WaitWhilePausedAsync(cancellationToken).ConfigureAwait(false);
            started = timeProvider.GetTimestamp();
            result = await SendOnWireAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            var overloaded = result.Response is { StatusCode: 429 or 503 } || SendFailureClassifier.IsOverload(result.Error);
            _concurrency.Release(timeProvider.GetElapsedTime(started), overloaded && !cancellationToken.IsCancellationRequested);
        }

        if (result.Response is { } response && Observer is { } observer)
        {
            await observer(response, cancellationToken).ConfigureAwait(false);
        }

        if (mayRestoreSession && result.Response is { } answer && SessionGuard is { } guard && guard.IsSessionLost(answer)
            && await guard.RestoreAsync(answer, cancellationToken).ConfigureAwait(false))
        {
            return await SendCoreAsync(request, mayRestoreSession: false, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Evidence for a finding: the raw request as sent (credentials redacted) and the capped response.</summary>
    public Evidence CreateEvidence(ScanHttpResponse response, string? proof)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new Evidence(
            RawHttpFormatter.FormatRequest(response.Request, response.SentHeaders, settings.Credentials.SecretHeaderNames),
            RawHttpFormatter.FormatResponse(response, settings.Policy.MaxEvidenceChars),
            proof);
    }

    public void Dispose() => _invoker.Dispose();

    private async Task<SendResult> SendOnWireAsync(ScanHttpRequest request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(settings.Policy.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var sentHeaders = new List<KeyValuePair<string, string>>();
        try
        {
            using var message = BuildMessage(request, sentHeaders);
            Interlocked.Increment(ref _requestsSent);
            var started = timeProvider.GetTimestamp();
            using var httpResponse = await _invoker.SendAsync(message, linked.Token).ConfigureAwait(false);
            var (body, truncated) = await ResponseBodyReader.ReadCappedAsync(httpResponse.Content, settings.Policy.MaxResponseBytes, linked.Token).ConfigureAwait(false);
            var headers = httpResponse.Headers.Concat(httpResponse.Content.Headers)
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
                .ToList();
            var response = new ScanHttpResponse(
                request,
                (int)httpResponse.StatusCode,
                httpResponse.ReasonPhrase,
                httpResponse.Version.ToString(2),
                headers,
                body,
                truncated,
                timeProvider.GetElapsedTime(started))
            {
                SentHeaders = sentHeaders,
            };
            settings.Cookies.Update(request.Url, response.GetHeaders("Set-Cookie"));
            return SendResult.Ok(response);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _failures);
            var (error, detail) = timeout.IsCancellationRequested
                ? (SendError.Timeout, "The target did not answer within " + settings.Policy.RequestTimeout.TotalSeconds + " s.")
                : SendFailureClassifier.Classify(exception);
            HttpLog.RequestFailed(logger, request.Method, request.Url, error);
            return SendResult.Failed(error, detail);
        }
    }

    private HttpRequestMessage BuildMessage(ScanHttpRequest request, List<KeyValuePair<string, string>> sentHeaders)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url) { Version = HttpVersion.Version11 };
        if (request.GetHeader("User-Agent") is null)
        {
            Add(message, sentHeaders, "User-Agent", settings.Policy.UserAgent);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!IsHandledSeparately(name))
            {
                Add(message, sentHeaders, name, value);
            }
        }

        foreach (var (name, value) in settings.Credentials.HeadersFor(request.Url))
        {
            message.Headers.Remove(name);
            Add(message, sentHeaders, name, value);
        }

        if (settings.Cookies.BuildHeader(request.Url, request.GetHeader("Cookie")) is { } cookie)
        {
            Add(message, sentHeaders, "Cookie", cookie);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
            var contentType = request.ContentType ?? "application/x-www-form-urlencoded";
            message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            sentHeaders.Add(new("Content-Type", contentType));
        }

        return message;
    }

    private static void Add(HttpRequestMessage message, List<KeyValuePair<string, string>> sent, string name, string value)
    {
        if (message.Headers.TryAddWithoutValidation(name, value))
        {
            sent.Add(new(name, value));
        }
    }

    private static bool IsHandledSeparately(string name) =>
        name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase);
}
