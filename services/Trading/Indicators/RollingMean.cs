using System.Runtime.CompilerServices;

namespace TradeNova.Trading.Indicators;

/// <summary>The arithmetic of <see cref="SimpleMovingAverage"/> as a value type: a ring buffer with a running sum,
/// recomputed from the window every <see cref="IndicatorPeriod.RecomputeInterval"/> updates. The class, the shared
/// indicator columns and the built-in strategies' one-pass signal scans all use this one piece of code, so their values
/// agree bit for bit.</summary>
internal struct RollingMean
{
    private readonly double[] _window;
    private int _next;
    private int _count;
    private int _sinceRecompute;
    private double _sum;

    public RollingMean(int period)
    {
        _window = new double[period];
        Value = double.NaN;
    }

    public readonly int Period => _window.Length;

    public readonly bool IsReady => _count == _window.Length;

    public double Value { readonly get; private set; }

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
