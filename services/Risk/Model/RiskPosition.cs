namespace TradeNova.Risk.Model;

/// <summary>One open position as Risk knows it: signed quantity from the latest valuation plus fills since.</summary>
public sealed class RiskPosition
{
    public Guid UserId { get; init; }

    public required string Symbol { get; init; }

    public decimal Quantity { get; set; }

    public decimal AverageCost { get; set; }

    public decimal LastPrice { get; set; }
}
