using System.ComponentModel.DataAnnotations;
using System.Net;
using Harrier.Engine.OutOfBand;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.Engine.Tests.OutOfBand;

public sealed class OutOfBandListenerTests
{
    [Fact]
    public async Task Records_CallbacksForItsTokens_AndServesTheirBody()
    {
        // Arrange
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        await using var listener = await OutOfBandListener.StartAsync(new OutOfBandOptions(), time, null, TestContext.Current.CancellationToken);
        var token = listener.NewToken("<?php echo 1; ?>", "text/plain");
        using var http = new HttpClient();

        // Act
        var body = await http.GetStringAsync(new Uri(token.Url, token.Token + "/include.php?x=1"), TestContext.Current.CancellationToken);
        var callback = await listener.WaitForAnyAsync([token], TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("<?php echo 1; ?>", body);
        Assert.NotNull(callback);
        Assert.Equal(token.Token, callback.Token);
        Assert.Equal("GET", callback.Method);
        Assert.Equal("/" + token.Token + "/include.php", callback.Path);
        Assert.Equal("127.0.0.1", callback.RemoteAddress);
        Assert.Equal(time.GetUtcNow(), callback.Time);
        Assert.Equal(IPAddress.Loopback.ToString(), listener.BoundUrl.Host);
        Assert.NotEqual(0, listener.BoundUrl.Port);
    }

    [Fact]
    public async Task UnknownTokens_Answer404_AndAreNotRecorded()
    {
        await using var listener = await OutOfBandListener.StartAsync(new OutOfBandOptions(), TimeProvider.System, null, TestContext.Current.CancellationToken);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(listener.BaseUrl, "hrrnotatoken"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(listener.Callbacks);
    }

    [Fact]
    public async Task WaitForAny_ReturnsNull_WhenTheWaitEndsWithoutCallback()
    {
        // Arrange
        var time = new FakeTimeProvider();
        await using var listener = await OutOfBandListener.StartAsync(new OutOfBandOptions(), time, null, TestContext.Current.CancellationToken);
        var token = listener.NewToken();

        // Act
        var wait = listener.WaitForAnyAsync([token], TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(3));

        // Assert
        Assert.Null(await wait);
    }

    [Fact]
    public async Task WaitForAny_CompletesWhenALateCallbackArrives()
    {
        // Arrange
        await using var listener = await OutOfBandListener.StartAsync(new OutOfBandOptions(), new FakeTimeProvider(), null, TestContext.Current.CancellationToken);
        var first = listener.NewToken();
        var second = listener.NewToken();
        using var http = new HttpClient();

        // Act: the wait starts before the callback; the fake clock never moves, so only the callback can end it.
        var wait = listener.WaitForAnyAsync([first, second], TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await http.GetStringAsync(second.Url, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(second.Token, (await wait)?.Token);
    }

    [Fact]
    public async Task PublicBaseUrl_IsUsedForTokenUrls()
    {
        var options = new OutOfBandOptions { PublicBaseUrl = new Uri("http://scanner.example.net:8099/oob") };
        await using var listener = await OutOfBandListener.StartAsync(options, TimeProvider.System, null, TestContext.Current.CancellationToken);

        var token = listener.NewToken();

        Assert.Equal("http://scanner.example.net:8099/oob/" + token.Token, token.Url.AbsoluteUri);
        Assert.Equal("127.0.0.1", listener.BoundUrl.Host);
    }

    [Fact]
    public async Task Dispose_StopsListening()
    {
        var listener = await OutOfBandListener.StartAsync(new OutOfBandOptions(), TimeProvider.System, null, TestContext.Current.CancellationToken);
        var token = listener.NewToken();

        await listener.DisposeAsync();

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(token.Url, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("not-an-ip", 0, null, 3)]
    [InlineData("127.0.0.1", 70000, null, 3)]
    [InlineData("127.0.0.1", 0, "ftp://host/", 3)]
    [InlineData("127.0.0.1", 0, null, 120)]
    public void Options_Validate_RejectsInvalidValues(string bind, int port, string? publicUrl, int waitSeconds)
    {
        var options = new OutOfBandOptions
        {
            BindAddress = bind,
            Port = port,
            PublicBaseUrl = publicUrl is null ? null : new Uri(publicUrl),
            CallbackWait = TimeSpan.FromSeconds(waitSeconds),
        };

        Assert.Throws<ValidationException>(options.Validate);
        new OutOfBandOptions().Validate();
    }
}
