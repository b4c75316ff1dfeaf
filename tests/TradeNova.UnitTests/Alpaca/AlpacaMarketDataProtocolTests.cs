using System.Text;
using TradeNova.Execution.Brokers.Alpaca;
using TradeNova.Execution.Brokers.Alpaca.MarketData;

namespace TradeNova.UnitTests.Alpaca;

public class AlpacaMarketDataProtocolTests
{
    [Fact]
    public void Control_messages_are_read_by_their_documented_type()
    {
        var messages = Parse("""
            [{"T":"success","msg":"authenticated"},{"T":"error","code":406,"msg":"connection limit exceeded"},
             {"T":"subscription","trades":["AAPL"],"quotes":[],"bars":["*"],"updatedBars":[],"dailyBars":[]}]
            """);

        messages.Select(m => m.Type).ShouldBe(["success", "error", "subscription"]);
        messages[0].Text.ShouldBe("authenticated");
        (messages[1].Code, messages[1].Text).ShouldBe((406, "connection limit exceeded"));
        messages[2].Subscription.ShouldBe(new AlpacaMarketDataSubscription(["*"], [], ["AAPL"]), new SubscriptionComparer());
    }

    [Fact]
    public void Trade_symbol_and_size_are_told_apart_although_they_differ_only_in_case()
    {
        var trade = Parse("""[{"T":"t","S":"AAPL","s":100,"p":189.52,"t":"2026-12-01T15:30:01.123456789Z"}]""").Single().Trade!;

        (trade.Symbol, trade.Size, trade.Price).ShouldBe(("AAPL", 100m, 189.52m));
        trade.Timestamp.ShouldBe(new DateTimeOffset(2026, 12, 1, 15, 30, 1, TimeSpan.Zero).AddTicks(1234567));
    }

    [Fact]
    public void Unknown_message_types_and_fields_are_skipped_and_a_single_object_is_read_too()
    {
        Parse("""[{"T":"x-new-kind","S":"AAPL"},{"no":"type"}]""").Select(m => m.Type).ShouldBe(["x-new-kind"]);
        Parse("""{"T":"d","S":"AAPL","o":1,"h":2,"l":0.5,"c":1.5,"v":7,"t":"2026-12-01T05:00:00Z","new":true}""").Single().Bar!.Close.ShouldBe(1.5m);
    }

    [Fact]
    public void Auth_and_subscribe_are_written_as_documented()
    {
        Encoding.UTF8.GetString(AlpacaMarketDataProtocol.Auth(new AlpacaCredentials("PK1", "s3cret", paper: true)))
            .ShouldBe("""{"action":"auth","key":"PK1","secret":"s3cret"}""");
        Encoding.UTF8.GetString(AlpacaMarketDataProtocol.Subscribe(new AlpacaMarketDataSubscription(["AAPL"], ["MSFT"], [])))
            .ShouldBe("""{"action":"subscribe","trades":[],"quotes":["MSFT"],"bars":["AAPL"]}""");
    }

    [Theory]
    [InlineData("1Day", true)]
    [InlineData("15Min", true)]
    [InlineData("59T", true)]
    [InlineData("23Hour", true)]
    [InlineData("1Week", true)]
    [InlineData("6Month", true)]
    [InlineData("2Day", false)]
    [InlineData("60Min", false)]
    [InlineData("5Month", false)]
    [InlineData("1day", false)]
    [InlineData("", false)]
    public void Timeframes_are_the_documented_ones(string timeframe, bool valid) =>
        AlpacaTimeframes.IsValid(timeframe).ShouldBe(valid);

    private static IReadOnlyList<AlpacaMarketDataMessage> Parse(string json) => AlpacaMarketDataProtocol.Parse(Encoding.UTF8.GetBytes(json));

    private sealed class SubscriptionComparer : IEqualityComparer<AlpacaMarketDataSubscription?>
    {
        public bool Equals(AlpacaMarketDataSubscription? x, AlpacaMarketDataSubscription? y) =>
            x is not null && y is not null && x.Bars.SequenceEqual(y.Bars) && x.Quotes.SequenceEqual(y.Quotes) && x.Trades.SequenceEqual(y.Trades);

        public int GetHashCode(AlpacaMarketDataSubscription? obj) => 0;
    }
}
