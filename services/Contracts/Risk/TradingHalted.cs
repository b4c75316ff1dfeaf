namespace TradeNova.Contracts.Risk;

/// <summary>New orders for the user are blocked (daily loss, drawdown, or an operator halt).</summary>
public sealed record TradingHalted(Guid UserId, string Reason, DateTimeOffset HaltedAt);
