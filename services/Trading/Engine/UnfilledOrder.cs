using TradeNova.Trading.Orders;

namespace TradeNova.Trading.Engine;

/// <summary>An order still waiting when the data ran out: a strategy order that never triggered, or the resting
/// stop-loss / take-profit legs of an open position. Reported so a user sees why a signal had no effect.</summary>
/// <param name="Request">The strategy's order; for a bracket, the opening order whose position the legs protect.</param>
/// <param name="BracketQuantity">For a bracket, the shares its legs would close; null for a strategy order.</param>
public sealed record UnfilledOrder(
    long OrderId,
    OrderRequest Request,
    bool IsBracket,
    decimal? BracketQuantity,
    decimal? StopLossPrice,
    decimal? TakeProfitPrice);
