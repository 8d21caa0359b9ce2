using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Harrier.Web.Tests.Headless;

/// <summary>
/// A minimal Chrome DevTools Protocol client for one tab: commands with their replies, a log of events, and the few
/// page helpers the UI tests need (navigate, evaluate, wait, click, type, viewport, screenshot).
/// </summary>
public sealed class CdpPage : IAsyncDisposable
{
    private static readonly TimeSpan s_defaultWait = TimeSpan.FromSeconds(20);
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private Task _pump = Task.CompletedTask;
    private int _nextId;

    /// <summary>Console errors and browser log entries (CSP violations land here).</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    public static async Task<CdpPage> ConnectAsync(Uri webSocket, CancellationToken cancellationToken)
    {
        var page = new CdpPage();
        page._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await page._socket.ConnectAsync(webSocket, cancellationToken);
        page._pump = Task.Run(page.PumpAsync, CancellationToken.None);
        await page.SendAsync("Page.enable", null, cancellationToken);
        await page.SendAsync("Runtime.enable", null, cancellationToken);
        await page.SendAsync("Log.enable", null, cancellationToken);
        return page;
    }

    public async Task<JsonElement> SendAsync(string method, object? parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }

        var result = await reply.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return result;
    }

    /// <summary>Navigates and waits until the document has loaded.</summary>
    public async Task NavigateAsync(Uri url, CancellationToken cancellationToken)
    {
        await SendAsync("Page.navigate", new { url = url.AbsoluteUri }, cancellationToken);
        await WaitForAsync("document.readyState === 'complete' && location.href !== 'about:blank'", cancellationToken);
    }

    /// <summary>Evaluates a JavaScript expression (awaiting promises) and returns its JSON value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true }, cancellationToken);
        if (result.TryGetProperty("exceptionDetails", out var error))
        {
            throw new InvalidOperationException("Script error in `" + expression + "`: " + error.GetRawText());
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    public async Task<string> TextAsync(string expression, CancellationToken cancellationToken) =>
        (await EvaluateAsync(expression, cancellationToken)).ToString();

    /// <summary>Polls <paramref name="condition"/> (a JavaScript expression) until it is true.</summary>
    public async Task WaitForAsync(string condition, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)((timeout ?? s_defaultWait).TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            try
            {
                if ((await EvaluateAsync("!!(" + condition + ")", cancellationToken)).ValueKind == JsonValueKind.True)
                {
                    return;
                }
            }
            catch (InvalidOperationException)
            {
                // The page is navigating: its context is gone for a moment.
            }

            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                var url = await TextAsync("location.href", cancellationToken);
                throw new TimeoutException($"Timed out waiting for `{condition}` on {url}.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Clicks the centre of the first element matching <paramref name="selector"/> with real mouse events.</summary>
    public async Task ClickAsync(string selector, CancellationToken cancellationToken)
    {
        await WaitForAsync($"document.querySelector({JsonSerializer.Serialize(selector)})", cancellationToken);
        var box = await EvaluateAsync(
            $"(() => {{ const e = document.querySelector({JsonSerializer.Serialize(selector)}); e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect(); const x = r.left + Math.min(r.width / 2, 40), y = r.top + r.height / 2; const hit = document.elementFromPoint(x, y); return [x, y, !!hit && (hit === e || e.contains(hit)), hit ? hit.outerHTML.slice(0, 200) : 'nothing']; }})()",
            cancellationToken);
        var x = box[0].GetDouble();
        var y = box[1].GetDouble();
        if (!box[2].GetBoolean())
        {
            throw new InvalidOperationException($"Clicking {selector} would hit another element: {box[3]}");
        }

        await SendAsync("Input.dispatchMouseEvent", new { type = "mouseMoved", x, y }, cancellationToken);
        await SendAsync("Input.dispatchMouseEvent", new { type = "mousePressed", x, y, button = "left", clickCount = 1 }, cancellationToken);
        await SendAsync("Input.dispatchMouseEvent", new { type = "mouseReleased", x, y, button = "left", clickCount = 1 }, cancellationToken);
    }

    /// <summary>Focuses the field and types <paramref name="text"/> as keyboard input.</summary>
    public async Task TypeAsync(string selector, string text, CancellationToken cancellationToken)
    {
        await ClickAsync(selector, cancellationToken);
        await SendAsync("Input.insertText", new { text }, cancellationToken);
    }

    public async Task PressKeyAsync(string key, CancellationToken cancellationToken)
    {
        var code = key == "Enter" ? 13 : key == "Tab" ? 9 : 0;
        await SendAsync("Input.dispatchKeyEvent", new { type = "rawKeyDown", key, code = key, windowsVirtualKeyCode = code }, cancellationToken);
        if (key == "Enter")
        {
            await SendAsync("Input.dispatchKeyEvent", new { type = "char", key, text = "\r" }, cancellationToken);
        }

        await SendAsync("Input.dispatchKeyEvent", new { type = "keyUp", key, code = key, windowsVirtualKeyCode = code }, cancellationToken);
    }

    public Task SetViewportAsync(int width, int height, bool mobile, CancellationToken cancellationToken) =>
        SendAsync("Emulation.setDeviceMetricsOverride", new { width, height, deviceScaleFactor = 1, mobile }, cancellationToken);

    /// <summary>A PNG of the whole page (beyond the viewport), saved to <paramref name="path"/>.</summary>
    public async Task<byte[]> ScreenshotAsync(string path, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true }, cancellationToken);
        var png = Convert.FromBase64String(result.GetProperty("data").GetString()!);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, png, cancellationToken);
        return png;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException or OperationCanceledException)
        {
            // The browser is going away anyway.
        }

        await _pump.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                message.SetLength(0);
                WebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer, _stop.Token);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed.
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new InvalidOperationException("The DevTools connection closed."));
            }
        }
    }

    private void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var reply))
        {
            if (message.TryGetProperty("error", out var error))
            {
                reply.TrySetException(new InvalidOperationException("DevTools error: " + error.GetRawText()));
            }
            else
            {
                reply.TrySetResult(message.GetProperty("result"));
            }

            return;
        }

        var method = message.TryGetProperty("method", out var m) ? m.GetString() : null;
        if (method == "Log.entryAdded")
        {
            var entry = message.GetProperty("params").GetProperty("entry");
            if (entry.GetProperty("level").GetString() == "error")
            {
                Errors.Enqueue(entry.GetProperty("text").GetString() ?? "");
            }
        }
        else if (method == "Runtime.exceptionThrown")
        {
            Errors.Enqueue(message.GetProperty("params").GetProperty("exceptionDetails").GetRawText());
        }
        else if (method == "Runtime.consoleAPICalled" && message.GetProperty("params").GetProperty("type").GetString() == "error")
        {
            Errors.Enqueue(message.GetProperty("params").GetProperty("args").GetRawText());
        }
    }
}
