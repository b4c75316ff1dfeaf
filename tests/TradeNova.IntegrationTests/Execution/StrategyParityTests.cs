using System.Text.Json;
using Microsoft.Extensions.Options;
using TradeNova.Execution.Market;
using TradeNova.Execution.Strategies;
using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies;

namespace TradeNova.IntegrationTests.Execution;

[Collection(ExecutionCollection.Name)]
public sealed class StrategyParityTests(ExecutionFixture fixture)
{
    /// <summary>
    /// The parity: one rules strategy (buy when flat; sell when the close is at or above its 2-bar average),
    /// entries sized at a fixed 3 shares so no size depends on a fill price, runs live on the paper exchange (real Risk
    /// path via the test bus, real fills), then the bars it saw are replayed through the backtest engine
    /// (<c>BacktestEngine</c>, no costs, risk rules off). Compared order by order: bar time (the backtest's order is
    /// decided at the bar before its fill, or at the last bar when it never filled), symbol, side, quantity, type.
    /// Cash and equity are not compared (live fills are at the simulated tick prices, the backtest's at bar opens);
    /// the bars are also checked to be exactly what the simulated feed gives for those windows.
    /// </summary>
    [Fact]
    public async Task The_same_strategy_on_the_same_bars_sends_the_same_orders_live_as_in_a_backtest()
    {
        await using var risk = await ExecutionTestBus.StartAsync(fixture.AmqpUri, ExecutionTestBus.Approve());
        using var execution = fixture.CreateExecutionClient();
        var token = await fixture.NewTraderAsync();
        var spec = StrategyApiCalls.BuyWhenFlat("KO");
        var run = await execution.StartOkAsync(token, StrategyApiCalls.Start(spec, shares: 3m));
        var runId = run.Id();

        await execution.WaitForBarsAsync(token, runId, 8);
        // How many orders 8 bars bring depends on the simulated prices (a sell waits for an up bar), so wait for 4.
        await fixture.WaitForPlacedSignalsAsync(runId, 4);
        await execution.StopOkAsync(token, runId);

        var steps = await fixture.RowsAsync("SELECT time, record FROM execution.strategy_steps WHERE run_id = @run ORDER BY time",
            r => (Time: new DateTimeOffset(r.GetDateTime(0), TimeSpan.Zero), Record: JsonSerializer.Deserialize<StepRecord>(r.GetString(1), JsonSerializerOptions.Web)!),
            ("run", runId));
        steps.Count.ShouldBeGreaterThanOrEqualTo(8);
        var bars = steps.Select(s => s.Record.Bars.Single().ToBar()).ToArray();
        var feed = new SimulatedBarFeed(new PriceSimulator(Options.Create(new SimulationOptions())));
        bars.ShouldAllBe(bar => bar == feed.BarOf("KO", bar.Time, TimeSpan.FromSeconds(5)));

        var live = (await fixture.SignalsAsync(runId))
            .Select(s => new ComparedOrder(s.Time, s.Symbol, s.Side, s.Quantity, s.Type)).ToList();
        (await fixture.RunOrdersAsync(runId)).Count.ShouldBe(live.Count, "every signal became exactly one order");
        live.Count.ShouldBeGreaterThanOrEqualTo(4, "two round trips at least");

        var parameters = JsonSerializer.SerializeToElement(spec, JsonSerializerOptions.Web).GetProperty("parameters");
        var strategy = StrategySizing.Apply(StrategyCatalog.Create("rules", parameters).Strategy!, StrategySizing.FixedShares, 3m);
        var result = new BacktestEngine(new BacktestOptions { InitialCash = 2_000m, Risk = RiskLimits.None, ComputeStatistics = false })
            .Run(strategy, [new BarSeries("KO", bars)]);
        result.Rejections.ShouldBeEmpty();
        var backtest = result.Fills
            .Select(f => new ComparedOrder(bars[Array.FindIndex(bars, b => b.Time == f.Time) - 1].Time, f.Symbol, Side(f.Side), f.Quantity, "market"))
            .Concat(result.UnfilledOrders.Where(u => !u.IsBracket)
                .Select(u => new ComparedOrder(bars[^1].Time, u.Request.Symbol, Side(u.Request.Side),
                    u.Request.Sizing.Mode == SizingMode.EntirePosition ? result.OpenPositions.Single().Quantity : u.Request.Sizing.Value, "market")))
            .ToList();

        live.ShouldBe(backtest);
    }

    private static string Side(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";

    private sealed record ComparedOrder(DateTimeOffset BarTime, string Symbol, string Side, decimal Quantity, string Type);
}
