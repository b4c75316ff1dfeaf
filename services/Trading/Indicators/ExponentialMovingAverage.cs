using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>Exponential moving average with smoothing 2 / (period + 1), seeded, like the <c>technicalindicators</c>
/// library and most charting packages, with the simple average of the first <see cref="Period"/> values (so it is ready
/// after <see cref="Period"/> values and does not depend on an arbitrary first value).
/// Update: EMA_t = (x_t - EMA_(t-1)) × α + EMA_(t-1).</summary>
public sealed class ExponentialMovingAverage : ISeriesIndicator
{
    private readonly double _alpha;
    private readonly PriceSource _source;
    private int _count;
    private double _seedSum;

    public ExponentialMovingAverage(int period, PriceSource source = PriceSource.Close)
        : this(period, 2.0 / (period + 1), source)
    {
    }

    /// <summary>For Wilder-style smoothing (α = 1 / period) and other variants.</summary>
    internal ExponentialMovingAverage(int period, double alpha, PriceSource source)
    {
        Period = IndicatorPeriod.Require(period, nameof(period));
        _alpha = alpha;
        _source = source;
        Value = double.NaN;
    }

    public int Period { get; }

    public bool IsReady => _count >= Period;

    public double Value { get; private set; }

    public void Update(in Bar bar) => Update(_source.Read(bar));

    public void Update(double value)
    {
        if (_count >= Period)
        {
            Value = (value - Value) * _alpha + Value;
            return;
        }

        _seedSum += value;
        if (++_count == Period)
            Value = _seedSum / Period;
    }

    public void Reset()
    {
        _count = 0;
        _seedSum = 0;
        Value = double.NaN;
    }
}
