using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>Linearly weighted moving average: the newest of the last n values weighs n, the oldest 1, divided by
/// n(n+1)/2. Kept O(1) with two running sums of exact 10^-8 ticks (<see cref="ExactTicks"/>): when x_new replaces x_old,
/// numerator' = numerator - sum + n·x_new and sum' = sum - x_old + x_new. So the value is the correctly rounded weighted
/// mean and a flat window reads its price exactly. A window holding a value that is not a price is weighed afresh in
/// <c>double</c>, oldest first.</summary>
public sealed class WeightedMovingAverage : ISeriesIndicator
{
    private readonly double[] _window;
    private readonly long[] _ticks;
    private readonly double _denominator;
    private readonly double _divisor;
    private readonly double _bound;
    private readonly PriceSource _source;
    private int _next;
    private int _count;
    private int _inexact;
    private long _sum;
    private long _numerator;

    public WeightedMovingAverage(int period, PriceSource source = PriceSource.Close)
    {
        Period = IndicatorPeriod.Require(period, nameof(period));
        _window = new double[period];
        _ticks = new long[period];
        _denominator = period * (period + 1.0) / 2.0;
        _divisor = _denominator * ExactTicks.PerUnit;
        _bound = ExactTicks.Bound((long)_denominator);
        _source = source;
        Value = double.NaN;
    }

    public int Period { get; }

    public bool IsReady => _count == Period;

    public double Value { get; private set; }

    public void Update(in Bar bar) => Update(_source.Read(bar));

    public void Update(double value)
    {
        var exact = ExactTicks.TryGet(value, _bound, out var ticks);
        if (_count == Period)
        {
            // Every value steps down one weight; the oldest (weight 1) leaves.
            _numerator -= _sum;
            var old = _ticks[_next];
            if (old == ExactTicks.Inexact)
                _inexact--;
            else
                _sum -= old;
        }
        else
        {
            _count++;
        }

        _window[_next] = value;
        if (exact)
        {
            _ticks[_next] = ticks;
            _sum += ticks;
            _numerator += _count * ticks;
        }
        else
        {
            _ticks[_next] = ExactTicks.Inexact;
            _inexact++;
        }

        _next = _next + 1 == Period ? 0 : _next + 1;
        if (_count == Period)
            Value = _inexact == 0 ? ExactTicks.Quotient(_numerator, _divisor) : WeightedSum() / _denominator;
    }

    public void Reset()
    {
        Array.Clear(_window);
        Array.Clear(_ticks);
        _next = 0;
        _count = 0;
        _inexact = 0;
        _sum = 0;
        _numerator = 0;
        Value = double.NaN;
    }

    /// <summary>The full window's doubles weighed 1 (oldest, at <c>_next</c>) to n.</summary>
    private double WeightedSum()
    {
        var numerator = 0.0;
        for (var weight = 1; weight <= Period; weight++)
            numerator += weight * _window[(_next + weight - 1) % Period];
        return numerator;
    }
}
