namespace TradeNova.Execution.Apis;

public sealed record OrderEventResponse(string? From, string To, DateTimeOffset At, string? Reason, decimal FilledQuantity);
