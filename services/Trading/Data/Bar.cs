namespace TradeNova.Trading.Data;

/// <summary>One OHLCV bar. Prices keep their exchange precision as decimals; <see cref="Time"/> is the bar's
/// UTC open time (for daily bars, midnight UTC of the trading day).</summary>
public readonly record struct Bar(DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
