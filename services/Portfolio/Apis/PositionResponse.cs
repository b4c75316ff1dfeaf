namespace TradeNova.Portfolio.Apis;

public sealed record PositionResponse(
    string Symbol,
    decimal Quantity,
    decimal AveragePrice,
    decimal MarketPrice,
    decimal MarketValue,
    decimal UnrealizedPnl);
