namespace TradeNova.Execution.Model;

/// <summary>One execution. <see cref="Id"/> is the fill id consumers apply once; (order, sequence) is unique too.</summary>
public sealed class OrderFill
{
    public Guid Id { get; init; }

    public Guid OrderId { get; init; }

    public Guid UserId { get; init; }

    public int Sequence { get; init; }

    public required string Symbol { get; init; }

    public required string Side { get; init; }

    public decimal Quantity { get; init; }

    public decimal Price { get; init; }

    public decimal Fee { get; init; }

    public DateTimeOffset FilledAt { get; init; }
}
