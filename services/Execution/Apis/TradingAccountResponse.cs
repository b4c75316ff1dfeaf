namespace TradeNova.Execution.Apis;

public sealed record TradingAccountResponse(Guid UserId, string Mode, DateTimeOffset CreatedAt);
