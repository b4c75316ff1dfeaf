namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary>
/// <c>POST /v2/orders</c>. <see cref="ClientOrderId"/> is required here (Alpaca makes it optional): it is how an order
/// whose submission timed out is found again instead of being sent twice.
/// </summary>
public sealed record AlpacaOrderRequest
{
    public required string Symbol { get; init; }

    public decimal? Qty { get; init; }

    public decimal? Notional { get; init; }

    /// <summary><c>buy</c> or <c>sell</c>.</summary>
    public required string Side { get; init; }

    /// <summary><c>market</c>, <c>limit</c>, <c>stop</c>, <c>stop_limit</c> or <c>trailing_stop</c>.</summary>
    public required string Type { get; init; }

    /// <summary><c>day</c>, <c>gtc</c>, <c>opg</c>, <c>cls</c>, <c>ioc</c> or <c>fok</c>.</summary>
    public required string TimeInForce { get; init; }

    public decimal? LimitPrice { get; init; }

    public decimal? StopPrice { get; init; }

    public decimal? TrailPrice { get; init; }

    public decimal? TrailPercent { get; init; }

    public bool? ExtendedHours { get; init; }

    public required string ClientOrderId { get; init; }

    /// <summary><c>simple</c>, <c>bracket</c>, <c>oco</c> or <c>oto</c>; absent means simple.</summary>
    public string? OrderClass { get; init; }

    public AlpacaTakeProfit? TakeProfit { get; init; }

    public AlpacaStopLoss? StopLoss { get; init; }
}
