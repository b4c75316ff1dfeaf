namespace TradeNova.Portfolio.Model;

/// <summary>A difference between the live portfolio and the broker's account that a broker report corrected: the
/// portfolio's value before and the broker's (plus any fills since the report) after. <see cref="Kind"/> is <c>cash</c>,
/// <c>quantity</c> or <c>average_price</c> (of <see cref="Symbol"/>).</summary>
public sealed class ReconciliationEntry
{
    public long Id { get; init; }

    public Guid PortfolioId { get; init; }

    public Guid UserId { get; init; }

    public required string Kind { get; init; }

    public string? Symbol { get; init; }

    public decimal PortfolioValue { get; init; }

    public decimal BrokerValue { get; init; }

    /// <summary>When the broker reported its account.</summary>
    public DateTimeOffset AsOf { get; init; }

    public DateTimeOffset CorrectedAt { get; init; }
}
