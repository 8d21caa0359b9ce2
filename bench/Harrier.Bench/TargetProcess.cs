namespace Harrier.Bench;

/// <summary>A standalone TestTargets process (Release build) on a free loopback port; prints its base URL first.</summary>
internal sealed class TargetProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private TargetProcess(ChildProcess process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int Pid => _process.Pid;

    public static async Task<TargetProcess> StartAsync(string targetDll, int pages, int delayMs)
    {
        var process = ChildProcess.Start("dotnet",
            [targetDll, "--port", "0", "--pages", pages.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--delay-ms", delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var line = await process.FirstLineAsync(TimeSpan.FromSeconds(60));
        if (!Uri.TryCreate(line.Trim(), UriKind.Absolute, out var baseUrl) || !baseUrl.IsLoopback)
        {
            await process.DisposeAsync();
            throw new InvalidOperationException("The test target did not print a loopback URL: " + line);
        }

        return new TargetProcess(process, baseUrl);
    }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public TimeSpan CpuTime => ProcStatus.CpuTime(Pid) ?? TimeSpan.Zero;

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
