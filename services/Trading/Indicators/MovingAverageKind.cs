namespace TradeNova.Trading.Indicators;

/// <summary>Which moving average a composite indicator (MACD) uses.</summary>
public enum MovingAverageKind
{
    Exponential,
    Simple,
}
