using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace TradeNova.LoadDriver;

/// <summary>
/// One registered user: its token, and its account-hub connection recording, by order id on the shared stopwatch, when
/// Portfolio pushes Execution's fill (<c>orderFilled</c>) and when it pushes that the fill is applied to the portfolio
/// (<c>fillApplied</c>, after the <c>portfolioUpdated</c> that includes it).
/// </summary>
public sealed class Trader(Guid userId, string token, HubConnection hub) : IAsyncDisposable
{
    public Guid UserId { get; } = userId;

    public string Token { get; } = token;

    public ConcurrentDictionary<Guid, long> FillsSeen { get; } = new();

    public ConcurrentDictionary<Guid, long> FillsApplied { get; } = new();

    /// <summary>By order id, the <c>sentAt</c> of its <c>fillApplied</c> push: Portfolio's clock, after the fill committed.</summary>
    public ConcurrentDictionary<Guid, DateTimeOffset> FillsAppliedSentAt { get; } = new();

    public int OrdersSent;

    public static async Task<Trader> RegisterAsync(HttpClient gateway, Uri baseAddress, Stopwatch clock, int index, CancellationToken cancellationToken)
    {
        var email = $"load-{Guid.NewGuid():N}@example.test";
        var password = $"L0ad-{Guid.NewGuid():N}"[..24];
        // Setup is not measured: on a busy machine password hashing can outlast a request, so retry (a retried
        // registration that had in fact succeeded answers 409, which is fine).
        await RetryAsync(async () =>
        {
            using var registered = await gateway.PostAsJsonAsync("/api/v1/identity/register", new { email, password, displayName = $"Load {index}" }, cancellationToken);
            if (registered.StatusCode != System.Net.HttpStatusCode.Conflict)
            {
                registered.EnsureSuccessStatusCode();
            }
        }, cancellationToken);
        var body = default(JsonElement);
        await RetryAsync(async () =>
        {
            using var login = await gateway.PostAsJsonAsync("/api/v1/identity/login", new { email, password }, cancellationToken);
            login.EnsureSuccessStatusCode();
            body = await login.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }, cancellationToken);
        var token = body.GetProperty("accessToken").GetString()!;
        var userId = Guid.Parse(ParseSubject(token));

        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/account"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        var trader = new Trader(userId, token, hub);
        hub.On<JsonElement>("orderFilled", fill =>
        {
            if (fill.TryGetProperty("orderId", out var orderId))
            {
                trader.FillsSeen.TryAdd(orderId.GetGuid(), clock.ElapsedTicks);
            }
        });
        hub.On<JsonElement>("fillApplied", applied =>
        {
            if (applied.TryGetProperty("orderId", out var orderId))
            {
                trader.FillsApplied.TryAdd(orderId.GetGuid(), clock.ElapsedTicks);
                if (applied.TryGetProperty("sentAt", out var sentAt) && sentAt.TryGetDateTimeOffset(out var at))
                {
                    trader.FillsAppliedSentAt.TryAdd(orderId.GetGuid(), at);
                }
            }
        });
        await hub.StartAsync(cancellationToken);
        return trader;
    }

    private static async Task RetryAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (Exception error) when (attempt < 5 && !cancellationToken.IsCancellationRequested
                                          && error is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    public HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }

    public async ValueTask DisposeAsync() => await hub.DisposeAsync();

    private static string ParseSubject(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
        return json.RootElement.GetProperty("sub").GetString()!;
    }
}
