using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Brokers.Alpaca.MarketData;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Alpaca;

/// <summary>The real-time market data stream against the loopback fake, which asserts the auth and subscribe frames.</summary>
public sealed class AlpacaMarketDataStreamTests : IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    private FakeAlpacaServer _server = null!;
    private AlpacaTestClients _clients = null!;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<AlpacaMarketDataMessage> _received = new();
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
    public async Task Bars_quotes_and_trades_arrive_typed_after_the_documented_auth_and_subscribe()
    {
        var stream = Start(new AlpacaMarketDataSubscription(["AAPL"], ["MSFT"], ["AAPL"]));
        await Poll.UntilAsync(() => Task.FromResult(stream.Connections == 1), Soon, "subscribed");

        await _server.SendMarketDataAsync(AlpacaTestClients.KeyId, """
            [{"T":"b","S":"AAPL","o":189.1,"h":189.9,"l":188.95,"c":189.5,"v":40123,"t":"2026-12-01T15:30:00Z","n":412,"vw":189.41,"x_new":{"a":1}},
             {"T":"q","S":"MSFT","bx":"V","bp":412.02,"bs":4,"ax":"V","ap":412.1,"as":1,"t":"2026-12-01T15:30:00.123456789Z"},
             {"T":"t","S":"AAPL","i":96921,"x":"V","p":189.52,"s":100,"c":["@"],"t":"2026-12-01T15:30:01Z","z":"C"},
             {"T":"statuses_we_never_asked_for","S":"AAPL"}]
            """);
        await Poll.UntilAsync(() => Task.FromResult(_received.Count >= 3), Soon, "three data messages");

        var messages = _received.ToList();
        messages.Select(m => m.Type).ShouldBe(["b", "q", "t"]);
        var bar = messages[0].Bar!;
        (bar.Symbol, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume, bar.TradeCount, bar.Vwap)
            .ShouldBe(("AAPL", 189.1m, 189.9m, 188.95m, 189.5m, 40123m, 412L, 189.41m));
        bar.Timestamp.ShouldBe(new DateTimeOffset(2026, 12, 1, 15, 30, 0, TimeSpan.Zero));
        var quote = messages[1].Quote!;
        (quote.Symbol, quote.BidPrice, quote.AskPrice, quote.AskSize, quote.Conditions, quote.Tape).ShouldBe(("MSFT", 412.02m, 412.1m, 1m, null, null));
        var trade = messages[2].Trade!;
        (trade.Symbol, trade.Price, trade.Size, trade.Id).ShouldBe(("AAPL", 189.52m, 100m, 96921L));
        var subscribe = _server.DataSubscribes.Single().Frame;
        subscribe.ToJsonString().ShouldBe("""{"action":"subscribe","trades":["AAPL"],"quotes":["MSFT"],"bars":["AAPL"]}""");
        _server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Refused_keys_end_the_stream_as_unauthorized_without_retrying()
    {
        var stream = Create(new AlpacaCredentials(AlpacaTestClients.KeyId, "not-the-secret", paper: true), new AlpacaMarketDataSubscription(["AAPL"], [], []));

        var error = await Should.ThrowAsync<AlpacaApiException>(async () =>
        {
            await foreach (var _ in stream.ReadAllAsync(_stop.Token))
            {
            }
        });

        error.Kind.ShouldBe(AlpacaErrorKind.Unauthorized);
        error.AlpacaCode.ShouldBe(402);
        stream.Connections.ShouldBe(0);
        _server.DataSubscribes.ShouldBeEmpty();
    }

    [Fact]
    public async Task Dropped_stream_reconnects_and_subscribes_again_to_everything_asked_for()
    {
        var stream = Start(new AlpacaMarketDataSubscription(["AAPL"], [], []));
        await Poll.UntilAsync(() => Task.FromResult(stream.Connections == 1), Soon, "subscribed");
        await stream.SubscribeAsync(new AlpacaMarketDataSubscription([], ["MSFT"], ["IBM"]), _stop.Token);
        await Poll.UntilAsync(() => Task.FromResult(_server.DataSubscribes.Count == 2), Soon, "the added subscription sent at once");

        _server.DropDataStream(AlpacaTestClients.KeyId);
        await Poll.UntilAsync(() => Task.FromResult(stream.Connections == 2 && _server.DataSubscribes.Any(s => s.Connection == 2)), Soon, "reconnected and resubscribed");
        await _server.SendMarketDataAsync(AlpacaTestClients.KeyId, """[{"T":"b","S":"AAPL","o":1,"h":2,"l":0.5,"c":1.5,"v":10,"t":"2026-12-01T15:31:00Z"}]""");
        await Poll.UntilAsync(() => Task.FromResult(_received.Any(m => m.Bar?.Close == 1.5m)), Soon, "a bar after the reconnect");

        _server.DataSubscribes.Where(s => s.Connection == 1).Select(s => s.Frame.ToJsonString()).ShouldBe([
            """{"action":"subscribe","trades":[],"quotes":[],"bars":["AAPL"]}""",
            """{"action":"subscribe","trades":["IBM"],"quotes":["MSFT"],"bars":[]}""",
        ]);
        _server.DataSubscribes.Single(s => s.Connection == 2).Frame.ToJsonString()
            .ShouldBe("""{"action":"subscribe","trades":["IBM"],"quotes":["MSFT"],"bars":["AAPL"]}""");
        _received.Single(m => m.Bar is not null).Bar!.TradeCount.ShouldBeNull("absent optional fields stay null");
        _server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Connection_limit_exceeded_is_retried_with_backoff_until_the_other_connection_is_gone()
    {
        _server.RefuseDataConnections(2);

        var stream = Start(new AlpacaMarketDataSubscription(["AAPL"], [], []));

        await Poll.UntilAsync(() => Task.FromResult(stream.Connections == 1), Soon, "connected on the third attempt");
        _server.DataConnectionsOf(AlpacaTestClients.KeyId).ShouldBe(1);
    }

    private AlpacaMarketDataStream Start(AlpacaMarketDataSubscription subscription)
    {
        var stream = Create(AlpacaTestClients.Credentials, subscription);
        _running = Task.Run(async () =>
        {
            await foreach (var message in stream.ReadAllAsync(_stop.Token))
            {
                _received.Enqueue(message);
            }
        });
        return stream;
    }

    private AlpacaMarketDataStream Create(AlpacaCredentials credentials, AlpacaMarketDataSubscription subscription) =>
        new(credentials, subscription, _server.DataStreamAddress("iex"), _clients.Get<IOptions<AlpacaOptions>>().Value, 1000,
            NullLogger<AlpacaMarketDataStream>.Instance, TimeProvider.System);
}
