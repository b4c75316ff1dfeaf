using System.Runtime.CompilerServices;
using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>Arithmetic mean of the last <see cref="Period"/> values. A ring buffer with a running sum makes an update
/// a handful of instructions (the SMA crossover is the engine's throughput benchmark); the sum is recomputed from the
/// window every <see cref="IndicatorPeriod.RecomputeInterval"/> updates so rounding error cannot drift.</summary>
public sealed class SimpleMovingAverage : ISeriesIndicator
{
    private readonly double[] _window;
    private readonly PriceSource _source;
    private int _next;
    private int _count;
    private int _sinceRecompute;
    private double _sum;

    public SimpleMovingAverage(int period, PriceSource source = PriceSource.Close)
    {
        Period = IndicatorPeriod.Require(period, nameof(period));
        _window = new double[period];
        _source = source;
        Value = double.NaN;
    }

    public int Period { get; }

    public bool IsReady => _count == _window.Length;

    public double Value { get; private set; }

    public void Update(in Bar bar) => Update(_source.Read(bar));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value)
    {
        var window = _window;
        var next = _next;
        if (_count == window.Length)
        {
            _sum = _sum - window[next] + value;
            window[next] = value;
            if (++_sinceRecompute == IndicatorPeriod.RecomputeInterval)
                Recompute();
        }
        else
        {
            _sum += value;
            window[next] = value;
            _count++;
        }

        _next = next + 1 == window.Length ? 0 : next + 1;
        if (_count == window.Length)
            Value = _sum / window.Length;
    }

    public void Reset()
    {
        Array.Clear(_window);
        _next = 0;
        _count = 0;
        _sinceRecompute = 0;
        _sum = 0;
        Value = double.NaN;
    }

    private void Recompute()
    {
        _sinceRecompute = 0;
        var sum = 0.0;
        foreach (var v in _window)
            sum += v;
        _sum = sum;
    }
}
