using TradeNova.Execution.Strategies;
using TradeNova.Trading.Orders;

namespace TradeNova.UnitTests.Execution.Strategies;

public class StrategyBookTests
{
    [Fact]
    public void A_runs_book_is_its_allocation_moved_by_its_own_fills_at_average_cost()
    {
        var book = new StrategyBook(1_000m);
        book.Apply("KO", "buy", 4m, 10m, 0.5m);
        book.Apply("KO", "buy", 4m, 12m, 0.5m);
        book.Apply("KO", "sell", 6m, 13m, 0.5m);

        book.Cash.ShouldBe(1_000m - 40m - 48m + 78m - 1.5m);
        book.Quantity("KO").ShouldBe(2m);
        book.Positions["KO"].AveragePrice.ShouldBe(11m);
        book.Realized.ShouldBe(12m);
        book.Fees.ShouldBe(1.5m);
        book.Equity(_ => 15m).ShouldBe(book.Cash + 30m);
    }

    [Fact]
    public void Sizes_resolve_at_the_signal_close_against_the_runs_cash_and_exits_take_the_whole_position()
    {
        var view = new StepRecord([], 1_000m, 1_500m, new Dictionary<string, decimal> { ["KO"] = 7m }, [], []);

        SignalResolution.Resolve(new OrderRequest("KO", OrderSide.Buy, OrderSizing.AllCash()), 30m, view).Quantity.ShouldBe(33m);
        SignalResolution.Resolve(new OrderRequest("KO", OrderSide.Buy, OrderSizing.PercentOfEquity(0.1m)), 30m, view).Quantity.ShouldBe(5m);
        SignalResolution.Resolve(new OrderRequest("KO", OrderSide.Buy, OrderSizing.Shares(3m)), 30m, view).Quantity.ShouldBe(3m);
        SignalResolution.Resolve(new OrderRequest("KO", OrderSide.Sell, OrderSizing.EntirePosition()), 30m, view).Quantity.ShouldBe(7m);
        var bracketed = SignalResolution.Resolve(new OrderRequest("KO", OrderSide.Buy, OrderSizing.Shares(1m), Bracket: new BracketSpec(0.05m, 0.1m)), 30m, view);
        (bracketed.StopLoss, bracketed.TakeProfit, bracketed.Type, bracketed.Side).ShouldBe((28.5m, 33m, "market", "buy"));
    }
}
