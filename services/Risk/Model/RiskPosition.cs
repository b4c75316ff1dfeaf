namespace TradeNova.Risk.Model;

/// <summary>One open position as Risk knows it: signed quantity from the latest valuation plus fills since.</summary>
public sealed class RiskPosition
{
    public Guid UserId { get; init; }

    /// <summary><c>paper</c> or <c>live</c>.</summary>
    public string Account { get; init; } = RiskAccounts.Paper;

    public required string Symbol { get; init; }

    public decimal Quantity { get; set; }

    public decimal AverageCost { get; set; }

    public decimal LastPrice { get; set; }
}
