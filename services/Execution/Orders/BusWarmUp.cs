namespace TradeNova.Execution.Orders;

/// <summary>
/// A request nobody answers, sent once at start. MassTransit starts the bus's own (temporary) response queue lazily, on
/// the first request; Risk's answer to that first request could reach the response exchange before the queue is bound
/// and be lost. Asking this first opens the response queue before any order depends on it.
/// </summary>
public sealed record BusWarmUp(Guid Id);
