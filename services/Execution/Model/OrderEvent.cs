namespace TradeNova.Execution.Model;

/// <summary>One timestamped transition of an order (<see cref="FromStatus"/> is null for the creation).</summary>
public sealed class OrderEvent
{
    public long Id { get; init; }

    public Guid OrderId { get; init; }

    public string? FromStatus { get; init; }

    public required string ToStatus { get; init; }

    public DateTimeOffset At { get; init; }

    public string? Reason { get; init; }

    public decimal FilledQuantity { get; init; }
}
