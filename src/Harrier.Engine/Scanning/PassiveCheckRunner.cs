using System.Collections.Concurrent;
using Harrier.Engine.Checks;
using Harrier.Engine.Http;
using Microsoft.Extensions.Logging;

namespace Harrier.Engine.Scanning;

/// <summary>Runs every enabled passive check on every response of the scan; a failing check is logged and skipped.</summary>
internal sealed class PassiveCheckRunner(IReadOnlyList<IPassiveCheck> checks, IFindingReporter reporter, ILogger logger)
{
    private readonly ConcurrentDictionary<string, byte> _claimed = new(StringComparer.Ordinal);

    public async ValueTask ObserveAsync(ScanHttpClient client, ScanHttpResponse response, CancellationToken cancellationToken)
    {
        foreach (var check in checks)
        {
            var context = new PassiveCheckContext(response, client, key => _claimed.TryAdd(key, 0));
            try
            {
                check.Analyze(context);
            }
            catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
            {
                EngineLog.CheckFailed(logger, check.Metadata.Id, response.Request.Url, exception);
                continue;
            }

            foreach (var finding in context.Findings)
            {
                await reporter.ReportAsync(finding, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
