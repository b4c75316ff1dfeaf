using Microsoft.Extensions.Logging.Abstractions;
using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Brokers.Alpaca.Reconciliation;
using TradeNova.Execution.Brokers.Alpaca.Streaming;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Alpaca;

public sealed class AlpacaTradeStreamTests : IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    private FakeAlpacaServer _server = null!;
    private AlpacaTestClients _clients = null!;
    private readonly InMemoryOrderStateStore _store = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeAlpacaServer.StartAsync((AlpacaTestClients.KeyId, AlpacaTestClients.Secret));
        _clients = new AlpacaTestClients(_server);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _clients.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Documented_events_move_the_order_and_apply_each_fill_at_its_own_price()
    {
        _server.Book("tn-s-1", "AAPL", 10m);
        _store.Add("tn-s-1");
        await StartStreamAsync();

        await _server.SendTradeUpdateAsync("new", "tn-s-1");
        _server.Fill("tn-s-1", 4m, 189.10m);
        await _server.SendTradeUpdateAsync("partial_fill", "tn-s-1", 189.10m, 4m);
        _server.Fill("tn-s-1", 6m, 189.35m);
        await _server.SendTradeUpdateAsync("fill", "tn-s-1", 189.35m, 6m);
        await _server.SendTradeUpdateAsync("fill", "tn-s-1", 189.35m, 6m);

        await Poll.UntilAsync(() => Task.FromResult(_store["tn-s-1"].Status == "filled"), Soon, "order filled");
        _store.AppliedFills.Select(f => (f.Fill.Quantity, f.Fill.Price)).ShouldBe([(4m, 189.10m), (6m, 189.35m)]);
        _server.Violations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("canceled", "canceled")]
    [InlineData("expired", "expired")]
    [InlineData("rejected", "rejected")]
    [InlineData("replaced", "replaced")]
    public async Task Final_events_end_the_order(string alpacaEvent, string status)
    {
        _server.Book("tn-f-1", "MSFT", 3m)["status"] = alpacaEvent;
        _store.Add("tn-f-1");
        await StartStreamAsync();

        await _server.SendTradeUpdateAsync(alpacaEvent, "tn-f-1");

        await Poll.UntilAsync(() => Task.FromResult(_store["tn-f-1"].Status == status), Soon, $"order {status}");
        _store.AppliedFills.ShouldBeEmpty();
    }

    [Fact]
    public async Task Dropped_stream_reconnects_and_reconciliation_applies_the_missed_fill_exactly_once()
    {
        _server.Book("tn-d-1", "AAPL", 10m);
        _store.Add("tn-d-1");
        var stream = await StartStreamAsync();
        _server.Fill("tn-d-1", 4m, 100m);
        await _server.SendTradeUpdateAsync("partial_fill", "tn-d-1", 100m, 4m);
        await Poll.UntilAsync(() => Task.FromResult(_store["tn-d-1"].FilledQuantity == 4m), Soon, "first fill applied");
        var lookupsBefore = _server.RequestsTo("GET", "/v2/orders:by_client_order_id").Count;

        _server.DropStream();
        _server.Fill("tn-d-1", 6m, 110m); // happens while disconnected: no event will ever carry it

        await Poll.UntilAsync(() => Task.FromResult(stream.Connections >= 2 && _store["tn-d-1"].Status == "filled"), Soon, "reconnected and reconciled");
        await _server.SendTradeUpdateAsync("fill", "tn-d-1", 110m, 6m); // the late duplicate of what reconciliation found
        await Poll.UntilAsync(() => Task.FromResult(_server.StreamIsConnected), Soon);
        await Task.Delay(300, TestContext.Current.CancellationToken);

        _store.AppliedFills.Select(f => (f.Fill.Quantity, f.Fill.Price)).ShouldBe([(4m, 100m), (6m, 110m)]);
        _store["tn-d-1"].FilledValue.ShouldBe(1060m);
        _server.RequestsTo("GET", "/v2/orders:by_client_order_id").Count.ShouldBeGreaterThan(lookupsBefore);
        _server.StreamConnections.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Refused_keys_stop_the_stream()
    {
        var stream = _clients.Stream(new AlpacaCredentials(AlpacaTestClients.KeyId, "not-the-secret", paper: true));
        var synchronizer = new AlpacaOrderSynchronizer(_clients.Create(), _store, NullLogger<AlpacaOrderSynchronizer>.Instance);

        var error = await Should.ThrowAsync<AlpacaApiException>(() => stream.RunAsync(synchronizer, _stop.Token));

        error.Kind.ShouldBe(AlpacaErrorKind.Unauthorized);
        stream.Connections.ShouldBe(0);
    }

    private async Task<AlpacaTradeStream> StartStreamAsync()
    {
        var stream = _clients.Stream();
        var synchronizer = new AlpacaOrderSynchronizer(_clients.Create(), _store, NullLogger<AlpacaOrderSynchronizer>.Instance);
        _running = Task.Run(() => stream.RunAsync(synchronizer, _stop.Token));
        await Poll.UntilAsync(() => Task.FromResult(_server.StreamIsConnected), Soon, "stream connected");
        // The first reconciliation records Alpaca's order id; until it has run, a fill booked now could be found by it instead of by the event.
        await Poll.UntilAsync(() => Task.FromResult(!_store.Corrections.IsEmpty), Soon, "first reconciliation");
        return stream;
    }
}
