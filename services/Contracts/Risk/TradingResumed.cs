namespace TradeNova.Contracts.Risk;

/// <summary>The halt on the user's trading was lifted (<paramref name="Reason"/>: new session, user resumed, admin).</summary>
public sealed record TradingResumed(Guid UserId, string Reason, DateTimeOffset ResumedAt, string Mode = "paper");
