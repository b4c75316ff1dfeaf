using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;
using TradeNova.Trading.Strategies;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// The <see cref="IStrategyContext"/> of one live step, the same interface the backtest engine gives the strategy: the
/// step's bars, the run's own cash, equity, positions and pending orders (as <see cref="StrategyBook"/> read them from
/// the run's fills and orders, or as a replayed <see cref="StepRecord"/> says), and the orders and cancels the strategy
/// asks for, collected in order. It takes the catalogue's by-name path (the engine's indexed shortcuts are internal to
/// services/Trading), which the library guarantees gives the same decisions.
/// </summary>
public sealed class StrategyStepContext(DateTimeOffset time, IReadOnlyDictionary<string, Bar> bars, StepRecord view) : IStrategyContext
{
    private readonly HashSet<string> _pending = new(view.Pending, StringComparer.Ordinal);

    public DateTimeOffset Time => time;

    public decimal Cash => view.Cash;

    public decimal Equity => view.Equity;

    public List<OrderRequest> Submitted { get; } = [];

    public List<string> Cancels { get; } = [];

    public bool TryGetBar(string symbol, out Bar bar) => bars.TryGetValue(symbol, out bar);

    public decimal PositionQuantity(string symbol) => view.Positions.GetValueOrDefault(symbol);

    /// <summary>Orders submitted in this step count at once, as in the engine (a strategy must not enter twice in one bar).</summary>
    public bool HasPendingOrder(string symbol) => _pending.Contains(symbol);

    public void Submit(OrderRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        Submitted.Add(order);
        _pending.Add(order.Symbol);
    }

    public void CancelOrders(string symbol)
    {
        Cancels.Add(symbol);
        _pending.Remove(symbol);
    }
}
