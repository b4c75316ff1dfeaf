namespace TradeNova.Trading.Orders;

/// <summary>Stop-loss and take-profit legs attached to an opening order, one cancelling the other. Distances are
/// fractions of the entry fill price (0.05 = 5%); null means no leg.</summary>
public sealed record BracketSpec(decimal? StopLossFraction, decimal? TakeProfitFraction);
