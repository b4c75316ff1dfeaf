namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary><c>PATCH /v2/orders/{order_id}</c>: only the fields being changed are sent.</summary>
public sealed record AlpacaReplaceOrderRequest
{
    public decimal? Qty { get; init; }

    public string? TimeInForce { get; init; }

    public decimal? LimitPrice { get; init; }

    public decimal? StopPrice { get; init; }

    public decimal? Trail { get; init; }

    public string? ClientOrderId { get; init; }
}
