namespace TradeNova.Execution.Apis;

/// <summary>One bar as Alpaca reported it; <see cref="TradeCount"/> and <see cref="Vwap"/> are absent when Alpaca omits them.</summary>
public sealed record MarketBarResponse(
    string Symbol, DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, long? TradeCount, decimal? Vwap);
