using TradeNova.Portfolio.Valuation;

namespace TradeNova.Portfolio.Apis;

/// <summary>An open position with live P&amp;L: <see cref="Weight"/> is market value / equity,
/// <see cref="UnrealizedPnlPercent"/> unrealized / cost basis (fractions: 0.05 = 5%).</summary>
public sealed record PositionResponse(
    string Symbol,
    decimal Quantity,
    decimal AveragePrice,
    decimal MarketPrice,
    decimal MarketValue,
    decimal UnrealizedPnl,
    decimal CostBasis,
    decimal UnrealizedPnlPercent,
    decimal Weight)
{
    public static PositionResponse From(PositionMark mark) => new(
        mark.Symbol, mark.Quantity, mark.AverageCost, mark.LastPrice, mark.MarketValue, mark.UnrealizedPnl,
        mark.CostBasis, mark.UnrealizedPnlPercent, mark.Weight);
}
