using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Harrier.TestTargets;

/// <summary>
/// A raw TCP server on 127.0.0.1 and a free port that misbehaves in one way on every connection (issue 9, hostile
/// targets): it stalls, resets, trickles its answer, answers garbage, an endless body, bad chunking or endless headers.
/// The engine's and the server's hostile-target tests share it; dispose it to stop it and its connections.
/// </summary>
public sealed class HostileTcpServer : IAsyncDisposable
{
    /// <summary>Every behaviour <see cref="Start"/> knows.</summary>
    public static IReadOnlyList<string> Behaviours { get; } = ["stall", "reset", "slow", "not-http", "binary", "endless-body", "bad-chunking", "huge-headers"];

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private HostileTcpServer(string behaviour)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _serving = ServeAsync(behaviour);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The URL of the <c>/app/</c> folder, what the tests scan.</summary>
    public Uri AppUrl => new($"http://127.0.0.1:{Port}/app/");

    public static HostileTcpServer Start(string behaviour) => Behaviours.Contains(behaviour)
        ? new HostileTcpServer(behaviour)
        : throw new ArgumentOutOfRangeException(nameof(behaviour), behaviour, "unknown behaviour");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync(string behaviour)
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                connections.Add(HandleAsync(await _listener.AcceptTcpClientAsync(_stop.Token), behaviour, _stop.Token));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(connections);
    }

    private static async Task HandleAsync(TcpClient client, string behaviour, CancellationToken stop)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                if (behaviour != "reset")
                {
                    _ = await stream.ReadAsync(new byte[8192], stop);
                }

                switch (behaviour)
                {
                    case "stall":
                        await Task.Delay(Timeout.Infinite, stop);
                        break;
                    case "reset":
                        client.Client.LingerState = new LingerOption(true, 0);
                        break;
                    case "slow":
                        // A small page with a link, one byte every 100 ms: about 10 s for the whole answer.
                        foreach (var b in Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 40\r\n\r\n<html><a href='/app/x'>x</a></html>    "))
                        {
                            await stream.WriteAsync(new[] { b }, stop);
                            await Task.Delay(100, stop);
                        }

                        break;
                    case "not-http":
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.6\r\nthis is not http\r\n"), stop);
                        break;
                    case "binary":
                        await stream.WriteAsync(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray(), stop);
                        break;
                    case "endless-body":
                        // HTML that never ends, full of links, until the scanner hangs up.
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"), stop);
                        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<a href='/app/x'>more</a>", 400)));
                        while (!stop.IsCancellationRequested)
                        {
                            await stream.WriteAsync(chunk, stop);
                        }

                        break;
                    case "bad-chunking":
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nnot a chunk\r\n-5\r\n"), stop);
                        break;
                    case "huge-headers":
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n"), stop);
                        for (var i = 0; i < 20_000 && !stop.IsCancellationRequested; i++)
                        {
                            await stream.WriteAsync(Encoding.ASCII.GetBytes($"X-Header-{i}: {new string('a', 100)}\r\n"), stop);
                        }

                        break;
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
                // The scanner hung up or the test ended.
            }
        }
    }
}
