using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Harrier.Web.Tests.Headless;

/// <summary>
/// A headless Debian Chromium driven over the Chrome DevTools Protocol. It may load only loopback pages: host names
/// resolve nowhere, and background networking (updates, sync, safe browsing) is off.
/// </summary>
public sealed partial class Chromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly HttpClient _devtools;

    private Chromium(Process process, string profile, Uri devtools)
    {
        _process = process;
        _profile = profile;
        _devtools = new HttpClient { BaseAddress = devtools, Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>The chromium executable: <c>HARRIER_CHROMIUM</c>, else the first of chromium, chromium-browser, google-chrome on PATH.</summary>
    public static string? FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable("HARRIER_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// The executable, or a skip when it is missing on a developer machine. Under <c>CI=true</c> a missing browser fails:
    /// the CI image must install it (eng/install-chromium.sh).
    /// </summary>
    public static string RequireExecutable()
    {
        var executable = FindExecutable();
        if (executable is not null)
        {
            return executable;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("Chromium is not installed, and CI=true: run eng/install-chromium.sh (or set HARRIER_CHROMIUM).");
        }

        Assert.Skip("Chromium is not installed (run eng/install-chromium.sh as root, or set HARRIER_CHROMIUM).");
        return "";
    }

    public static async Task<Chromium> LaunchAsync(string executable, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("harrier-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--disable-extensions", "--disable-default-apps",
            "--no-default-browser-check", "--disable-features=Translate,MediaRouter,OptimizationHints",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1280,900", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var output = new List<string>();
        while (true)
        {
            string? line;
            try
            {
                line = await process.StandardError.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("Chromium printed no DevTools address within 30 s:\n" + string.Join('\n', output));
            }

            if (line is null)
            {
                throw new InvalidOperationException("Chromium exited before DevTools listened:\n" + string.Join('\n', output));
            }

            output.Add(line);
            if (DevToolsLine().Match(line) is { Success: true } match)
            {
                // Keep draining stderr so Chromium never blocks on a full pipe.
                _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                var ws = new Uri(match.Groups[1].Value);
                return new Chromium(process, profile, new Uri($"http://{ws.Authority}/"));
            }
        }
    }

    /// <summary>Opens a new tab and connects to it.</summary>
    public async Task<CdpPage> NewPageAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "json/new?about:blank");
        using var response = await _devtools.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var target = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var page = await CdpPage.ConnectAsync(new Uri(target.GetProperty("webSocketDebuggerUrl").GetString()!), cancellationToken);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        _devtools.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a file for a moment; it is a temp directory.
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}
