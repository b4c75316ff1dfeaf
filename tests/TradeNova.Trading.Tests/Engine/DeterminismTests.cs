using System.Text.Json;
using TradeNova.Trading.Costs;
using TradeNova.Trading.Data;
using TradeNova.Trading.Engine;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Risk;
using TradeNova.Trading.Strategies;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Trading.Tests.Engine;

public class DeterminismTests
{
    [Fact]
    public void Two_runs_on_the_same_inputs_are_identical_bit_for_bit()
    {
        // Everything at once: several symbols with different calendars, costs, slippage, the platform risk rules with
        // their default brackets, fractional shares; compared as serialized text, which keeps every decimal's scale.
        var sp500 = BundledMarketData.Sp500();
        var times = sp500.Bars.Select(b => b.Time).Where((_, i) => i % 7 != 3).ToArray();
        var series = new[]
        {
            sp500,
            SyntheticBarGenerator.Generate(new SyntheticSeriesSpec("SYN1", 1, GapProbability: 0.05), times),
            SyntheticBarGenerator.Generate(new SyntheticSeriesSpec("SYN2", 2, AnnualVolatility: 0.4), new DateOnly(2005, 1, 1), 3_000),
        };
        var options = new BacktestOptions
        {
            InitialCash = 250_000m,
            Commission = new CombinedCommission([new PerShareCommission(0.005m), new PercentOfNotionalCommission(0.0005m)], 1m),
            Slippage = new RangeFractionSlippage(0.05m),
            Risk = RiskLimits.PlatformDefaults with { MaxPositionFraction = 0.40m, MaxDrawdownFraction = null },
            AllowFractionalShares = true,
        };

        string RunOnce() => JsonSerializer.Serialize(new BacktestEngine(options).Run(new Rotation(), series));

        var first = RunOnce();
        var second = RunOnce();

        second.ShouldBe(first);
        first.Length.ShouldBeGreaterThan(10_000);
    }

    /// <summary>Buys each symbol on an SMA crossover with a third of equity and exits on the reverse cross.</summary>
    private sealed class Rotation : IStrategy
    {
        private readonly SmaCrossoverStrategy[] _signals =
            new[] { "SPX", "SYN1", "SYN2" }.Select(s => new SmaCrossoverStrategy(new SmaCrossoverParameters(s, 5, 20))).ToArray();

        public IReadOnlyList<string> Symbols { get; } = ["SPX", "SYN1", "SYN2"];

        public void OnBar(IStrategyContext context)
        {
            foreach (var symbol in Symbols)
            {
                if (context.TryGetBar(symbol, out var bar) && context.PositionQuantity(symbol) == 0 && !context.HasPendingOrder(symbol)
                    && bar.Close > bar.Open)
                {
                    context.Submit(new OrderRequest(symbol, OrderSide.Buy, OrderSizing.PercentOfEquity(0.33m)));
                }
            }

            foreach (var signal in _signals)
            {
                signal.OnBar(new SellOnlyContext(context));
            }
        }
    }

    /// <summary>Passes the crossover's exits through and drops its all-cash entries (the rotation sizes its own).</summary>
    private sealed class SellOnlyContext(IStrategyContext inner) : IStrategyContext
    {
        public DateTimeOffset Time => inner.Time;

        public decimal Cash => inner.Cash;

        public decimal Equity => inner.Equity;

        public bool TryGetBar(string symbol, out Bar bar) => inner.TryGetBar(symbol, out bar);

        public decimal PositionQuantity(string symbol) => inner.PositionQuantity(symbol);

        public bool HasPendingOrder(string symbol) => inner.HasPendingOrder(symbol);

        public void Submit(OrderRequest order)
        {
            if (order.Side == OrderSide.Sell)
                inner.Submit(order);
        }

        public void CancelOrders(string symbol) => inner.CancelOrders(symbol);
    }
}
