using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Engine;

/// <summary>An accepted order waiting for a bar to fill in: a strategy order, or the two legs of a bracket held as one
/// item so the one-cancels-the-other choice is made in one place (<see cref="Broker.FillRules.TryTriggerBracket"/>).</summary>
internal sealed class PendingOrder
{
    public required long Id { get; init; }

    public required int SymbolIndex { get; init; }

    public required OrderRequest Request { get; init; }

    /// <summary>True for a bracket protecting a position; its legs use the two prices below.</summary>
    public bool IsBracket { get; init; }

    /// <summary>For a bracket: true when it protects a long position (legs sell).</summary>
    public bool ProtectsLong { get; init; }

    /// <summary>For a bracket: shares the legs close (capped at the position when they fill).</summary>
    public decimal BracketQuantity { get; init; }

    public decimal? StopLossPrice { get; init; }

    public decimal? TakeProfitPrice { get; init; }

    public bool IsDone { get; set; }
}
