namespace TradeNova.Trading.Indicators;

/// <summary>An indicator of one input series with one output value (moving averages, RSI, rolling extremes), so it can
/// also be fed plain numbers, e.g. another indicator's output.</summary>
public interface ISeriesIndicator : IIndicator
{
    /// <summary>The current value; NaN until <see cref="IIndicator.IsReady"/>.</summary>
    double Value { get; }

    /// <summary>Feeds the next input value.</summary>
    void Update(double value);
}
