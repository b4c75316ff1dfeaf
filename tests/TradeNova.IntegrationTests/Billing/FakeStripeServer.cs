using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TradeNova.IntegrationTests.Billing;

/// <summary>
/// A Stripe-shaped API on Kestrel, 127.0.0.1: answers the calls Billing's SDK makes (Checkout Sessions, Portal
/// Sessions, subscriptions) with Stripe-shaped JSON and records every request exactly as it arrived.
/// </summary>
public sealed class FakeStripeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeStripeServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedStripeRequest> Requests { get; } = new();

    /// <summary>What <c>GET /v1/subscriptions/{id}</c> answers, by subscription id.</summary>
    public ConcurrentDictionary<string, JsonObject> Subscriptions { get; } = new(StringComparer.Ordinal);

    public Uri BaseAddress => new(_app.Urls.First());

    public static async Task<FakeStripeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeStripeServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    public IReadOnlyList<RecordedStripeRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var form = body.Length == 0
            ? []
            : body.Split('&').Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => WebUtility.UrlDecode(pair[0]), pair => pair.Length > 1 ? WebUtility.UrlDecode(pair[1]) : "", StringComparer.Ordinal);
        var recorded = new RecordedStripeRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body, form);
        Requests.Enqueue(recorded);

        var (status, json) = Answer(recorded);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["Request-Id"] = $"req_{Guid.NewGuid():N}";
        await context.Response.WriteAsync(json.ToJsonString());
    }

    private (int Status, JsonObject Json) Answer(RecordedStripeRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (request.Method, segments)
        {
            case ("POST", ["v1", "checkout", "sessions"]):
                var sessionId = $"cs_test_{Guid.NewGuid():N}";
                return (200, new JsonObject
                {
                    ["id"] = sessionId,
                    ["object"] = "checkout.session",
                    ["mode"] = request.Form.GetValueOrDefault("mode"),
                    ["client_reference_id"] = request.Form.GetValueOrDefault("client_reference_id"),
                    ["status"] = "open",
                    ["url"] = $"https://checkout.stripe.com/c/pay/{sessionId}",
                });
            case ("POST", ["v1", "billing_portal", "sessions"]):
                return (200, new JsonObject
                {
                    ["id"] = $"bps_{Guid.NewGuid():N}",
                    ["object"] = "billing_portal.session",
                    ["customer"] = request.Form.GetValueOrDefault("customer"),
                    ["return_url"] = request.Form.GetValueOrDefault("return_url"),
                    ["url"] = "https://billing.stripe.com/p/session/test_portal",
                });
            case ("GET", ["v1", "subscriptions", var id]) when Subscriptions.TryGetValue(id, out var subscription):
                return (200, (JsonObject)subscription.DeepClone());
            case ("POST", ["v1", "subscriptions", var id]) when Subscriptions.TryGetValue(id, out var subscription):
                var updated = (JsonObject)subscription.DeepClone();
                if (request.Form.TryGetValue("cancel_at_period_end", out var cancel))
                {
                    updated["cancel_at_period_end"] = cancel == "true";
                }

                return (200, updated);
            case ("DELETE", ["v1", "subscriptions", var id]) when Subscriptions.TryGetValue(id, out var subscription):
                var canceled = (JsonObject)subscription.DeepClone();
                canceled["status"] = "canceled";
                return (200, canceled);
            default:
                return (404, new JsonObject
                {
                    ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["code"] = "resource_missing", ["message"] = $"No such route: {request.Method} {request.Path}" },
                });
        }
    }
}
