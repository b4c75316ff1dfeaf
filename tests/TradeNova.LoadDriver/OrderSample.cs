namespace TradeNova.LoadDriver;

/// <summary>One order of the run: when it was sent and answered (stopwatch ticks), and what came back.</summary>
public sealed record OrderSample(int Index, Trader Trader, long SentAt, long AnsweredAt, int StatusCode, Guid? OrderId, string? Status, string? ReasonCodes);
