using System.Diagnostics;
using Harrier.Server.Http;

namespace Harrier.Server.Reports;

/// <summary>
/// Prints an HTML report to PDF with a headless Chromium, when one is installed (Debian: <c>apt-get install chromium</c>).
/// Without one, PDF requests get a 400 that says what to install.
/// </summary>
internal static class PdfRenderer
{
    private static readonly string[] s_candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static string? BrowserPath { get; } = s_candidates.FirstOrDefault(File.Exists);

    public static async Task<byte[]> RenderAsync(byte[] html, CancellationToken cancellationToken)
    {
        if (BrowserPath is null)
        {
            throw ApiException.BadRequest("PDF reports need a Chromium browser on the server: install it (Debian/Ubuntu: apt-get install chromium) or download the Html format.");
        }

        var directory = Directory.CreateTempSubdirectory("harrier-pdf-");
        try
        {
            var input = Path.Combine(directory.FullName, "report.html");
            var output = Path.Combine(directory.FullName, "report.pdf");
            await File.WriteAllBytesAsync(input, html, cancellationToken).ConfigureAwait(false);
            var start = new ProcessStartInfo(BrowserPath) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", $"--user-data-dir={Path.Combine(directory.FullName, "profile")}",
                "--no-pdf-header-footer", $"--print-to-pdf={output}", new Uri(input).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_timeout);
            var drainOut = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var drainError = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                await Task.WhenAll(drainOut, drainError).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return File.Exists(output)
                ? await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false)
                : throw new InvalidOperationException("Chromium did not produce a PDF.");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
