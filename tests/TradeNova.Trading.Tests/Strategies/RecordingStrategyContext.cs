using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Strategies;

namespace TradeNova.Trading.Tests.StrategyTests;

/// <summary>A stand-in for the engine that records what a strategy asks for. Orders "fill" at once at the current
/// close (100 shares per buy, the whole position per sell) so that a strategy's flat/long gating can be exercised
/// without the engine; fill prices and cash are not what these tests are about.</summary>
internal sealed class RecordingStrategyContext : IStrategyContext
{
    private readonly Dictionary<string, Bar> _bars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _positions = new(StringComparer.Ordinal);

    public DateTimeOffset Time { get; private set; }

    public int Step { get; private set; } = -1;

    public decimal Cash => 100_000m;

    public decimal Equity => 100_000m;

    public List<SubmittedOrder> Orders { get; } = [];

    public List<string> Cancellations { get; } = [];

    /// <summary>Symbols reported as having a pending order (to exercise the strategies' pending checks).</summary>
    public HashSet<string> Pending { get; } = new(StringComparer.Ordinal);

    public void Advance(DateTimeOffset time, params (string Symbol, Bar Bar)[] bars)
    {
        Time = time;
        Step++;
        _bars.Clear();
        foreach (var (symbol, bar) in bars)
            _bars[symbol] = bar;
    }

    public bool TryGetBar(string symbol, out Bar bar) => _bars.TryGetValue(symbol, out bar);

    public decimal PositionQuantity(string symbol) => _positions.GetValueOrDefault(symbol);

    public bool HasPendingOrder(string symbol) => Pending.Contains(symbol);

    public void Submit(OrderRequest order)
    {
        Orders.Add(new SubmittedOrder(Step, order));
        _positions[order.Symbol] = order.Side == OrderSide.Buy ? PositionQuantity(order.Symbol) + 100m : 0m;
    }

    public void CancelOrders(string symbol) => Cancellations.Add(symbol);
}
