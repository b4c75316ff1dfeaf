namespace TradeNova.Portfolio.Valuation;

/// <summary>One position marked to market.</summary>
public sealed record PositionMark(
    string Symbol,
    decimal Quantity,
    decimal AverageCost,
    decimal LastPrice,
    decimal MarketValue,
    decimal CostBasis,
    decimal UnrealizedPnl,
    decimal UnrealizedPnlPercent,
    decimal Weight);
