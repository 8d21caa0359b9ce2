namespace Harrier.Cli;

/// <summary>The exit codes of every <c>harrier</c> command (documented in <c>harrier scan --help</c> and docs/ci.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success; for scans: complete, with nothing at or above the <c>--fail-on</c> threshold.</summary>
    public const int Clean = 0;

    /// <summary>The scan completed and found issues at or above the <c>--fail-on</c> threshold.</summary>
    public const int FindingsAtOrAboveThreshold = 1;

    /// <summary>Bad command line, configuration or input; the server refused the request (400, 401, 403, 404).</summary>
    public const int Usage = 2;

    /// <summary>The scan failed or was cancelled, the server could not be reached or failed (5xx), or a wait timed out.</summary>
    public const int ScanFailed = 3;

    /// <summary>Interrupted by Ctrl-C (SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM.</summary>
    public const int Terminated = 143;
}
