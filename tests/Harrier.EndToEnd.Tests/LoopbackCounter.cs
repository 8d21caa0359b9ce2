using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Harrier.EndToEnd.Tests;

/// <summary>A second loopback server that only counts the requests it receives: the scope test's tripwire.</summary>
internal sealed class LoopbackCounter : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private LoopbackCounter(WebApplication app) => _app = app;

    public int Count => Volatile.Read(ref _count);

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<LoopbackCounter> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var counter = new LoopbackCounter(app);
        app.Run(context =>
        {
            Interlocked.Increment(ref counter._count);
            return context.Response.WriteAsync("counted", context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        counter.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return counter;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
