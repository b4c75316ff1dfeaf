namespace TradeNova.Execution.Apis;

public sealed record FillResponse(Guid FillId, int Sequence, decimal Quantity, decimal Price, decimal Fee, DateTimeOffset FilledAt);
