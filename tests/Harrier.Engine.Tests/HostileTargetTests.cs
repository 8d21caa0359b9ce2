using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Harrier.Engine.Tests.Infrastructure;

namespace Harrier.Engine.Tests;

/// <summary>
/// Issue 9, hostile targets: a raw TCP server that stalls, resets, answers slowly or answers garbage. Whatever it does, the
/// scan ends — completed, or failed with a reason and a description — within its request timeouts, and never throws.
/// </summary>
public sealed class HostileTargetTests
{
    public static TheoryData<string> Behaviours => ["stall", "reset", "slow", "not-http", "binary", "endless-body", "bad-chunking", "huge-headers"];

    [Theory]
    [MemberData(nameof(Behaviours))]
    public async Task Scan_OfAHostileTarget_EndsWithAnOutcomeAndAReason(string behaviour)
    {
        // Arrange
        var token = TestContext.Current.CancellationToken;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var server = ServeAsync(listener, behaviour, stop.Token);
        var target = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/app/");
        var policy = Scans.FastPolicy with { RequestTimeout = TimeSpan.FromSeconds(2), MaxResponseBytes = 64 * 1024 };
        var started = Stopwatch.GetTimestamp();

        // Act
        var outcome = await Scans.RunAsync(Scans.Configuration(target), new RecordingSink(), policy);
        await stop.CancelAsync();
        listener.Stop();
        await server;

        // Assert
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{behaviour}: {outcome.Kind} {outcome.FailureReason} \"{outcome.FailureDescription}\" after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s, {outcome.RequestsSent} requests");
        Assert.True(outcome.Kind is ScanOutcomeKind.Completed or ScanOutcomeKind.Failed, outcome.Kind.ToString());
        if (outcome.Kind == ScanOutcomeKind.Failed)
        {
            Assert.NotNull(outcome.FailureReason);
            Assert.False(string.IsNullOrWhiteSpace(outcome.FailureDescription));
        }
    }

    private static async Task ServeAsync(TcpListener listener, string behaviour, CancellationToken stop)
    {
        var connections = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop);
                connections.Add(HandleAsync(client, behaviour, stop));
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
                var buffer = new byte[8192];
                if (behaviour != "reset")
                {
                    _ = await stream.ReadAsync(buffer, stop);
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
                        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"), stop);
                        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>more</p>", 1000)));
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
