using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TradeNova.UnitTests.Gateway;

/// <summary>
/// A real Kestrel service on a free loopback port that echoes what reaches it, serves an OpenID configuration and JWKS when given one, and echoes
/// one WebSocket message on <c>/hubs/account</c>.
/// </summary>
public sealed class FakeService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private FakeService(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public Uri BaseAddress => new(_app.Urls.First());

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<FakeService> StartAsync(string name, string? jwksJson = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var service = new FakeService(name, app);

        app.Use((context, next) =>
        {
            Interlocked.Increment(ref service._requests);
            return next(context);
        });
        app.UseWebSockets();
        if (jwksJson is not null)
        {
            app.MapGet("/.well-known/openid-configuration", (HttpContext context) => Results.Json(new Dictionary<string, string>
            {
                ["issuer"] = "tradenova-identity",
                ["jwks_uri"] = $"{context.Request.Scheme}://{context.Request.Host}/.well-known/jwks.json",
            }));
            app.MapGet("/.well-known/jwks.json", () => Results.Text(jwksJson, "application/json"));
        }
        app.Map("/hubs/account", service.EchoWebSocketAsync);
        app.MapFallback("{**path}", service.Echo);

        await app.StartAsync();
        return service;
    }

    private IResult Echo(HttpContext context) => Results.Json(new EchoResponse(
        Name,
        context.Request.Method,
        context.Request.Path.Value ?? string.Empty,
        context.Request.QueryString.Value ?? string.Empty,
        context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));

    private async Task EchoWebSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
        var reply = Encoding.UTF8.GetBytes($"{Name}:{Encoding.UTF8.GetString(buffer, 0, received.Count)}");
        await socket.SendAsync(reply, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
