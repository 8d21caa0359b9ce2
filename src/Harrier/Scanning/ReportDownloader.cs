using Harrier.Cli;
using Harrier.Client;

namespace Harrier.Scanning;

/// <summary>Fetches each requested report of a finished scan from <c>scans/report</c> into its file (or stdout).</summary>
internal static class ReportDownloader
{
    public static async Task DownloadAsync(HarrierApiClient client, Guid scanId, IReadOnlyList<ReportTarget> targets, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(log);
        foreach (var target in targets)
        {
            if (target.Path is null)
            {
                var stdout = Console.OpenStandardOutput();
                await using (stdout)
                {
                    await client.DownloadReportAsync(scanId, target.Type, target.Format, stdout, cancellationToken);
                    await stdout.FlushAsync(cancellationToken);
                }

                continue;
            }

            await DownloadToFileAsync(client, scanId, target, cancellationToken);
            await log.WriteLineAsync($"harrier: wrote {target.Name} report ({target.Type}/{target.Format}) to {target.Path}");
        }
    }

    private static async Task DownloadToFileAsync(HarrierApiClient client, Guid scanId, ReportTarget target, CancellationToken cancellationToken)
    {
        var partial = target.Path + ".partial";
        try
        {
            var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (file)
            {
                await client.DownloadReportAsync(scanId, target.Type, target.Format, file, cancellationToken);
            }

            File.Move(partial, target.Path!, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"Cannot write {target.Path}: {ex.Message}", ExitCodes.Usage);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
