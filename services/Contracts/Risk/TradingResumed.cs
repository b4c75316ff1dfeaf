namespace TradeNova.Contracts.Risk;

/// <summary>The halt on the user's trading was lifted.</summary>
public sealed record TradingResumed(Guid UserId, string Reason, DateTimeOffset ResumedAt);
