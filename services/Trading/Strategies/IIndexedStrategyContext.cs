namespace TradeNova.Trading.Strategies;

/// <summary>The engine's shortcuts for the built-in strategies: symbols by index instead of by name, and indicator work
/// done over the symbol's close column (converted to <see cref="double"/> once per data set) instead of bar by bar. Internal: the public contract stays <see cref="IStrategyContext"/>, and a strategy run
/// against any other context takes the by-name path with the same results.</summary>
internal interface IIndexedStrategyContext
{
    /// <summary>Index of <paramref name="symbol"/> in the run's data, or -1.</summary>
    int SymbolIndex(string symbol);

    /// <summary>The symbol's bar index at the current time step, or -1 when it has no bar now.</summary>
    int CurrentBarIndex(int symbolIndex);

    /// <summary>[bar] = (sbyte)<see cref="CrossDirection"/> of SMA(fast) against SMA(slow) for the symbol's bars, as
    /// <see cref="CrossSignals"/> computes them (from the run's shared indicator columns when it has them).</summary>
    sbyte[] MovingAverageCrossSignals(int symbolIndex, int fastPeriod, int slowPeriod);

    decimal PositionQuantity(int symbolIndex);

    bool HasPendingOrder(int symbolIndex);
}
