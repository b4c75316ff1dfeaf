using TradeNova.Execution.Brokers.Alpaca.Dto;

namespace TradeNova.Execution.Brokers.Alpaca.Streaming;

/// <summary>
/// One <c>trade_updates</c> event. <see cref="Order"/> is the whole order after the event (cumulative filled_qty);
/// <see cref="Price"/> and <see cref="Qty"/> describe this execution alone (fill and partial_fill only).
/// </summary>
public sealed record AlpacaTradeUpdate
{
    /// <summary><c>new</c>, <c>fill</c>, <c>partial_fill</c>, <c>canceled</c>, <c>expired</c>, <c>rejected</c>, <c>replaced</c>, ...</summary>
    public required string Event { get; init; }

    public required AlpacaOrder Order { get; init; }

    public string? ExecutionId { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public decimal? Price { get; init; }

    public decimal? Qty { get; init; }

    public decimal? PositionQty { get; init; }
}
