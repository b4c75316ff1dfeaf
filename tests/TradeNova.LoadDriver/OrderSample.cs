namespace TradeNova.LoadDriver;

/// <summary>One order of the run: when it was sent and answered (stopwatch ticks), what came back, and when the gateway
/// says it received the request (its <c>X-Gateway-Received-At</c> header, on the servers' clock).</summary>
public sealed record OrderSample(
    int Index, Trader Trader, long SentAt, long AnsweredAt, int StatusCode, Guid? OrderId, string? Status, string? ReasonCodes,
    DateTimeOffset? GatewayReceivedAt = null);
