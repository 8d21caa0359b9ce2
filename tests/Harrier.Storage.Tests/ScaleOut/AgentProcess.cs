using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Harrier.Storage.Tests.ScaleOut;

/// <summary>
/// A real agent process (tests/Harrier.AgentProcess, which runs <c>HarrierAgentHost</c> as <c>harrier agent</c> does) whose
/// output is collected, so a test can stop it with SIGTERM or kill it with SIGKILL.
/// </summary>
internal sealed class AgentProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AgentProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static AgentProcess Start(IEnumerable<KeyValuePair<string, string>> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Harrier.AgentProcess.dll"));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"{key}={value}");
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Harrier"] = "Information";
        return new AgentProcess(Process.Start(start)!);
    }

    public async Task WaitForReadyAsync(CancellationToken cancellationToken)
    {
        var exited = _process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(_ready.Task, exited).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        Assert.True(first == _ready.Task, "the agent process exited before it was ready:\n" + Output);
    }

    /// <summary>SIGKILL: the process dies at once, holding its leases.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as a service manager sends it; returns the exit code.</summary>
    public async Task<int> TerminateAsync(CancellationToken cancellationToken)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        await _process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith("harrier-agent ready", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
