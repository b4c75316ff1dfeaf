using TradeNova.Trading.Data;
using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Strategies;

/// <summary>A context that passes everything to <see cref="Inner"/>, for a strategy wrapper that changes one thing (the
/// size of its orders, say) by overriding <see cref="Submit"/>. It also passes on the engine's internal shortcuts
/// (symbols by index, indicator work over whole close columns and shared indicator columns), so a wrapped built-in
/// strategy runs the same fast path, with the same results, as the strategy alone; over a context without them it
/// reports every symbol as unindexed and the strategy takes its by-name path.</summary>
public abstract class StrategyContextDecorator : IStrategyContext, IIndexedStrategyContext
{
    /// <summary>The context of the current run; set it before passing the decorator to the wrapped strategy.</summary>
    public IStrategyContext Inner { get; set; } = null!;

    public DateTimeOffset Time => Inner.Time;

    public decimal Cash => Inner.Cash;

    public decimal Equity => Inner.Equity;

    public bool TryGetBar(string symbol, out Bar bar) => Inner.TryGetBar(symbol, out bar);

    public decimal PositionQuantity(string symbol) => Inner.PositionQuantity(symbol);

    public bool HasPendingOrder(string symbol) => Inner.HasPendingOrder(symbol);

    public virtual void CancelOrders(string symbol) => Inner.CancelOrders(symbol);

    public virtual void Submit(OrderRequest order) => Inner.Submit(order);

    int IIndexedStrategyContext.SymbolIndex(string symbol) => Inner is IIndexedStrategyContext indexed ? indexed.SymbolIndex(symbol) : -1;

    int IIndexedStrategyContext.CurrentBarIndex(int symbolIndex) => ((IIndexedStrategyContext)Inner).CurrentBarIndex(symbolIndex);

    sbyte[] IIndexedStrategyContext.MovingAverageCrossSignals(int symbolIndex, int fastPeriod, int slowPeriod) =>
        ((IIndexedStrategyContext)Inner).MovingAverageCrossSignals(symbolIndex, fastPeriod, slowPeriod);

    decimal IIndexedStrategyContext.PositionQuantity(int symbolIndex) => ((IIndexedStrategyContext)Inner).PositionQuantity(symbolIndex);

    bool IIndexedStrategyContext.HasPendingOrder(int symbolIndex) => ((IIndexedStrategyContext)Inner).HasPendingOrder(symbolIndex);
}
