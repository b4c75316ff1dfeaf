using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Engine;

/// <summary>An accepted order waiting for a bar to fill in: a strategy order, or the two legs of a bracket held as one
/// item so the one-cancels-the-other choice is made in one place (<see cref="Broker.FillRules.TryTriggerBracket"/>).
/// Mutable so a run can reuse the instances of filled and cancelled orders (see <see cref="Reset"/>).</summary>
internal sealed class PendingOrder
{
    public long Id { get; private set; }

    public int SymbolIndex { get; private set; }

    public OrderRequest Request { get; private set; } = null!;

    /// <summary>True for a bracket protecting a position; its legs use the two prices below.</summary>
    public bool IsBracket { get; set; }

    /// <summary>For a bracket: true when it protects a long position (legs sell).</summary>
    public bool ProtectsLong { get; set; }

    /// <summary>For a bracket: shares the legs close (capped at the position when they fill).</summary>
    public decimal BracketQuantity { get; set; }

    public decimal? StopLossPrice { get; set; }

    public decimal? TakeProfitPrice { get; set; }

    public bool IsDone { get; set; }

    /// <summary>Makes this a new strategy order; bracket fields are cleared.</summary>
    public void Reset(long id, int symbolIndex, OrderRequest request)
    {
        Id = id;
        SymbolIndex = symbolIndex;
        Request = request;
        IsBracket = false;
        ProtectsLong = false;
        BracketQuantity = 0m;
        StopLossPrice = null;
        TakeProfitPrice = null;
        IsDone = false;
    }
}
