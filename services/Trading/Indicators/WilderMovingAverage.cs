namespace TradeNova.Trading.Indicators;

/// <summary>Wilder's smoothing, used by RSI and ATR: an exponential average with α = 1 / period, seeded with the simple
/// average of the first <c>period</c> values.</summary>
public static class WilderMovingAverage
{
    public static ExponentialMovingAverage Create(int period, PriceSource source = PriceSource.Close) =>
        new(period, 1.0 / IndicatorPeriod.Require(period, nameof(period)), source);
}
