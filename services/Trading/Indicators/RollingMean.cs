using System.Runtime.CompilerServices;

namespace TradeNova.Trading.Indicators;

/// <summary>The arithmetic of <see cref="SimpleMovingAverage"/> as a value type: a ring buffer with a running sum of
/// ticks. While every value in the window is a price (<see cref="ExactTicks"/>) the mean comes from that exact sum, so it
/// is the correctly rounded mean and a flat window gives back its price, whatever came before. A window holding another
/// value (Stochastic %D averages ratios) is summed afresh in <c>double</c>, oldest first, so nothing drifts either. The
/// class, the shared indicator columns and the built-in strategies' one-pass signal scans all use this arithmetic, so
/// their values agree bit for bit.</summary>
internal struct RollingMean
{
    private readonly double[] _window;
    private readonly long[] _ticks;
    private readonly double _bound;
    private readonly double _divisor;
    private int _next;
    private int _count;
    private int _inexact;
    private long _tickSum;

    public RollingMean(int period)
    {
        _window = new double[period];
        _ticks = new long[period];
        _bound = ExactTicks.Bound(period);
        _divisor = period * ExactTicks.PerUnit;
        Value = double.NaN;
    }

    public readonly int Period => _window.Length;

    public readonly bool IsReady => _count == _window.Length;

    public double Value { readonly get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value)
    {
        var window = _window;
        var ticks = _ticks;
        var next = _next;
        if (_count == window.Length)
        {
            var old = ticks[next];
            if (old == ExactTicks.Inexact)
                _inexact--;
            else
                _tickSum -= old;
        }
        else
        {
            _count++;
        }

        window[next] = value;
        if (ExactTicks.TryGet(value, _bound, out var added))
        {
            ticks[next] = added;
            _tickSum += added;
        }
        else
        {
            ticks[next] = ExactTicks.Inexact;
            _inexact++;
        }

        _next = next + 1 == window.Length ? 0 : next + 1;
        if (_count == window.Length)
            Value = _inexact == 0 ? ExactTicks.Quotient(_tickSum, _divisor) : WindowSum() / window.Length;
    }

    public void Reset()
    {
        Array.Clear(_window);
        Array.Clear(_ticks);
        _next = 0;
        _count = 0;
        _inexact = 0;
        _tickSum = 0;
        Value = double.NaN;
    }

    /// <summary>The window's doubles summed oldest first (the slot <c>_next</c> holds the oldest once it is full).</summary>
    private readonly double WindowSum()
    {
        var sum = 0.0;
        for (var i = _next; i < _window.Length; i++)
            sum += _window[i];
        for (var i = 0; i < _next; i++)
            sum += _window[i];
        return sum;
    }
}
