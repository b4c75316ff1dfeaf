using TradeNova.Execution.Model;
using TradeNova.Execution.Exchange;
using TradeNova.Execution.Market;
using TradeNova.UnitTests.Auth;

namespace TradeNova.UnitTests.Execution;

/// <summary>When a paper exchange pass may skip the database: only when no price reaches any resting order.</summary>
public class RestingOrderBoundsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
    private static readonly int Aapl = Index("AAPL");
    private static readonly int Msft = Index("MSFT");

    [Fact]
    public void Before_the_first_read_every_pass_runs_and_the_bounds_are_stale()
    {
        var bounds = new RestingOrderBounds(new ManualTimeProvider(Start));

        bounds.IsStale(TimeSpan.FromSeconds(1)).ShouldBeTrue();
        bounds.AnyReached(Prices()).ShouldBeTrue();
    }

    [Fact]
    public void An_empty_book_is_reached_by_no_price_until_the_refresh_interval_has_passed()
    {
        var clock = new ManualTimeProvider(Start);
        var bounds = new RestingOrderBounds(clock);

        bounds.Replace(clock.GetUtcNow(), []);

        bounds.AnyReached(Prices((Aapl, 1m), (Msft, 1_000_000m))).ShouldBeFalse();
        bounds.IsStale(TimeSpan.FromSeconds(1)).ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));
        bounds.IsStale(TimeSpan.FromSeconds(1)).ShouldBeTrue();
    }

    [Theory]
    // A buy limit at 100 trades at or below 100; a sell limit at 110 at or above 110.
    [InlineData("buy", 100.00, null, 100.01, false)]
    [InlineData("buy", 100.00, null, 100.00, true)]
    [InlineData("sell", 110.00, null, 109.99, false)]
    [InlineData("sell", 110.00, null, 110.00, true)]
    // A sell stop at 95 (a long position's stop loss) triggers at or below 95; a buy stop at 105 at or above 105.
    [InlineData("sell", null, 95.00, 95.01, false)]
    [InlineData("sell", null, 95.00, 95.00, true)]
    [InlineData("buy", null, 105.00, 104.99, false)]
    [InlineData("buy", null, 105.00, 105.00, true)]
    public void A_resting_order_is_reached_exactly_where_the_matcher_would_trade_or_trigger_it(
        string side, double? limit, double? stop, double price, bool reached)
    {
        var bounds = Loaded([new RestingOrder(Aapl, side == "buy", (decimal?)limit, (decimal?)stop, Immediate: false)]);

        bounds.AnyReached(Prices((Aapl, (decimal)price))).ShouldBe(reached);
        bounds.AnyReached(Prices((Msft, (decimal)price))).ShouldBeFalse(); // another symbol's price
    }

    [Fact]
    public void Per_symbol_the_bounds_are_the_book_s_extremes()
    {
        // A long position's two brackets (sell stop 95, sell limit 110) and a second pair (sell stop 90, sell limit 120).
        var bounds = Loaded(
        [
            new RestingOrder(Aapl, Buy: false, LimitPrice: 110m, StopPrice: null, Immediate: false),
            new RestingOrder(Aapl, Buy: false, LimitPrice: null, StopPrice: 95m, Immediate: false),
            new RestingOrder(Aapl, Buy: false, LimitPrice: 120m, StopPrice: null, Immediate: false),
            new RestingOrder(Aapl, Buy: false, LimitPrice: null, StopPrice: 90m, Immediate: false),
        ]);

        bounds.AnyReached(Prices((Aapl, 100m))).ShouldBeFalse();
        bounds.AnyReached(Prices((Aapl, 95m))).ShouldBeTrue(); // the higher stop
        bounds.AnyReached(Prices((Aapl, 110m))).ShouldBeTrue(); // the lower take-profit
        bounds.AnyReached(Prices((Aapl, 109.99m))).ShouldBeFalse();
    }

    [Fact]
    public void Anything_that_trades_at_any_price_makes_every_pass_run()
    {
        var bounds = Loaded([new RestingOrder(Aapl, Buy: true, LimitPrice: null, StopPrice: null, Immediate: true)]);

        bounds.AnyReached(Prices()).ShouldBeTrue();
    }

    [Fact]
    public void A_saved_working_paper_order_widens_the_bounds_at_once_and_orders_that_cannot_rest_do_not()
    {
        var clock = new ManualTimeProvider(Start);
        var bounds = new RestingOrderBounds(clock);
        bounds.Replace(clock.GetUtcNow(), []);

        bounds.Widen(Order("sell", "limit", limit: 110m, status: OrderStatuses.Filled));
        bounds.Widen(Order("sell", "limit", limit: 110m, mode: TradingModes.Live));
        bounds.AnyReached(Prices((Aapl, 200m))).ShouldBeFalse();

        bounds.Widen(Order("sell", "stop", stop: 95m));
        bounds.AnyReached(Prices((Aapl, 95m))).ShouldBeTrue();
        bounds.AnyReached(Prices((Aapl, 96m))).ShouldBeFalse();

        var triggered = Order("sell", "stop", stop: 95m);
        triggered.StopTriggered = true; // now a market order
        bounds.Widen(triggered);
        bounds.AnyReached(Prices((Aapl, 96m))).ShouldBeTrue();
    }

    [Fact]
    public void A_refresh_keeps_what_was_widened_shortly_before_it_began_because_that_save_may_not_have_committed_yet()
    {
        var clock = new ManualTimeProvider(Start);
        var bounds = new RestingOrderBounds(clock);
        bounds.Replace(clock.GetUtcNow(), []);

        bounds.Widen(Order("sell", "stop", stop: 95m)); // staged, not yet visible to a read
        clock.Advance(TimeSpan.FromMilliseconds(500));
        bounds.Replace(clock.GetUtcNow(), []); // a read that did not see it
        bounds.AnyReached(Prices((Aapl, 95m))).ShouldBeTrue();

        // Long after, a read that does not see it is the truth (canceled, filled, or rolled back).
        clock.Advance(RestingOrderBounds.Retention + TimeSpan.FromSeconds(1));
        bounds.Replace(clock.GetUtcNow(), []);
        bounds.AnyReached(Prices((Aapl, 95m))).ShouldBeFalse();
    }

    [Fact]
    public void Immediate_orders_are_market_ioc_fok_and_triggered_stops()
    {
        RestingOrder.IsImmediate(OrderTypes.Market, TimesInForce.Gtc, stopTriggered: false).ShouldBeTrue();
        RestingOrder.IsImmediate(OrderTypes.Limit, TimesInForce.Ioc, stopTriggered: false).ShouldBeTrue();
        RestingOrder.IsImmediate(OrderTypes.Limit, TimesInForce.Fok, stopTriggered: false).ShouldBeTrue();
        RestingOrder.IsImmediate(OrderTypes.Stop, TimesInForce.Gtc, stopTriggered: true).ShouldBeTrue();
        RestingOrder.IsImmediate(OrderTypes.Stop, TimesInForce.Gtc, stopTriggered: false).ShouldBeFalse();
        RestingOrder.IsImmediate(OrderTypes.StopLimit, TimesInForce.Day, stopTriggered: true).ShouldBeFalse(); // a limit now
        RestingOrder.IsImmediate(OrderTypes.Limit, TimesInForce.Day, stopTriggered: false).ShouldBeFalse();
    }

    private static RestingOrderBounds Loaded(IEnumerable<RestingOrder> book)
    {
        var bounds = new RestingOrderBounds(new ManualTimeProvider(Start));
        bounds.Replace(Start, book);
        return bounds;
    }

    private static Order Order(
        string side, string type, decimal? limit = null, decimal? stop = null,
        string status = OrderStatuses.Accepted, string mode = TradingModes.Paper) => new()
    {
        ClientOrderId = "c",
        Symbol = "AAPL",
        Side = side,
        Type = type,
        TimeInForce = TimesInForce.Gtc,
        LimitPrice = limit,
        StopPrice = stop,
        Status = status,
        Mode = mode,
    };

    /// <summary>Every symbol at a price no order in these tests rests near, except the ones given.</summary>
    private static decimal[] Prices(params (int Symbol, decimal Price)[] set)
    {
        var prices = Enumerable.Repeat(100.5m, SymbolUniverse.Count).ToArray();
        foreach (var (symbol, price) in set)
        {
            prices[symbol] = price;
        }

        return prices;
    }

    private static int Index(string symbol) => SymbolUniverse.TryGetIndex(symbol, out var index) ? index : -1;
}
