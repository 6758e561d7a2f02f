using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeRenewal.IntegrationTests.Events;

/// <summary>One request the receiver got: the event id, type, timestamp and signature headers and the raw body.</summary>
public sealed record ReceivedEvent(string? EventId, string? EventType, string? Timestamp, string? Signature, string Body);

/// <summary>
/// An integrator's receiver: a real Kestrel server on 127.0.0.1 (a random port on the first start, the same port when
/// restarted) that records every POST to <c>/hook</c> and answers 204. Stopping it closes the port: the platform's
/// attempts then fail with "connection refused", as when a receiver is down.
/// </summary>
public sealed class LocalReceiver : IAsyncDisposable
{
    private WebApplication? app;

    public ConcurrentQueue<ReceivedEvent> Received { get; } = new();

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            Received.Enqueue(new ReceivedEvent(
                request.Headers["X-KR-Event-Id"], request.Headers["X-KR-Event-Type"], request.Headers["X-KR-Timestamp"], request.Headers["X-KR-Signature"], body));
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Port = new Uri(address).Port;
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
