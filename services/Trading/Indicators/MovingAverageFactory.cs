namespace TradeNova.Trading.Indicators;

internal static class MovingAverageFactory
{
    public static ISeriesIndicator Create(MovingAverageKind kind, int period) => kind switch
    {
        MovingAverageKind.Simple => new SimpleMovingAverage(period),
        MovingAverageKind.Exponential => new ExponentialMovingAverage(period),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown moving average kind."),
    };
}
