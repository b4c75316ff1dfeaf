using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>Linearly weighted moving average: the newest of the last n values weighs n, the oldest 1, divided by
/// n(n+1)/2. Kept O(1) with two running sums: when x_new replaces x_old, numerator' = numerator - sum + n·x_new and
/// sum' = sum - x_old + x_new; both are recomputed from the window every
/// <see cref="IndicatorPeriod.RecomputeInterval"/> updates to stop drift.</summary>
public sealed class WeightedMovingAverage : ISeriesIndicator
{
    private readonly double[] _window;
    private readonly double _denominator;
    private readonly PriceSource _source;
    private int _next;
    private int _count;
    private int _sinceRecompute;
    private double _sum;
    private double _numerator;

    public WeightedMovingAverage(int period, PriceSource source = PriceSource.Close)
    {
        Period = IndicatorPeriod.Require(period, nameof(period));
        _window = new double[period];
        _denominator = period * (period + 1.0) / 2.0;
        _source = source;
        Value = double.NaN;
    }

    public int Period { get; }

    public bool IsReady => _count == Period;

    public double Value { get; private set; }

    public void Update(in Bar bar) => Update(_source.Read(bar));

    public void Update(double value)
    {
        if (_count == Period)
        {
            _numerator = _numerator - _sum + Period * value;
            _sum = _sum - _window[_next] + value;
            _window[_next] = value;
            _next = Advance(_next);
            if (++_sinceRecompute == IndicatorPeriod.RecomputeInterval)
                Recompute();
        }
        else
        {
            _count++;
            _numerator += _count * value;
            _sum += value;
            _window[_next] = value;
            _next = Advance(_next);
        }

        if (_count == Period)
            Value = _numerator / _denominator;
    }

    public void Reset()
    {
        Array.Clear(_window);
        _next = 0;
        _count = 0;
        _sinceRecompute = 0;
        _sum = 0;
        _numerator = 0;
        Value = double.NaN;
    }

    private int Advance(int index) => index + 1 == Period ? 0 : index + 1;

    /// <summary>Exact sums from the window; <c>_next</c> is the oldest value once the window is full.</summary>
    private void Recompute()
    {
        _sinceRecompute = 0;
        double sum = 0, numerator = 0;
        for (var weight = 1; weight <= Period; weight++)
        {
            var v = _window[(_next + weight - 1) % Period];
            sum += v;
            numerator += weight * v;
        }
        _sum = sum;
        _numerator = numerator;
    }
}
