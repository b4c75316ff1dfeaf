using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Trading;

/// <summary>A real SignalR client on the account hub that records every message it receives, by method name.</summary>
public sealed class HubProbe : IAsyncDisposable
{
    public static readonly string[] Methods =
        ["portfolioUpdated", "quotes", "orderUpdated", "orderFilled", "fillApplied", "orderRejected", "tradingHalted", "tradingResumed"];

    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<(string Method, JsonElement Payload)> _received = new();

    private HubProbe(HubConnection connection)
    {
        _connection = connection;
        foreach (var method in Methods)
        {
            _connection.On<JsonElement>(method, payload => _received.Enqueue((method, payload)));
        }
    }

    public static async Task<HubProbe> ConnectAsync(Uri baseAddress, string accessToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/account"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
            .Build();
        var probe = new HubProbe(connection);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        // StartAsync returns once the handshake is answered, before the hub's OnConnectedAsync (joining the user's
        // group) has run. The server handles invocations only after OnConnectedAsync, so the answer to one, even
        // "no such method", means the connection is in its group and will get every push from now on.
        try
        {
            await connection.InvokeAsync("ConnectionReady", TestContext.Current.CancellationToken);
        }
        catch (HubException)
        {
            // Expected: the hub has no such method; the answer is all that was needed.
        }

        return probe;
    }

    public IReadOnlyList<JsonElement> Received(string method) => _received.Where(m => m.Method == method).Select(m => m.Payload).ToList();

    public IReadOnlyList<string> Methods_ => _received.Select(m => m.Method).ToList();

    public Task<JsonElement> WaitForAsync(string method, Func<JsonElement, bool> condition, string what) =>
        Poll.UntilAsync(
            () => Task.FromResult(Received(method).FirstOrDefault(condition)),
            payload => payload.ValueKind != JsonValueKind.Undefined,
            TradingApi.Eventually,
            what);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
