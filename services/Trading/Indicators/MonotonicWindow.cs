namespace TradeNova.Trading.Indicators;

/// <summary>Rolling extremum of the last <c>period</c> values with a monotonic deque: each value is pushed once and
/// popped at most once, so an update is amortised O(1) whatever the period. The deque lives in two fixed circular
/// arrays of length <c>period</c> (it never holds more), so updates allocate nothing.</summary>
internal sealed class MonotonicWindow<TOrder>
    where TOrder : struct, IExtremumOrder
{
    private readonly double[] _values;
    private readonly long[] _positions;
    private readonly int _period;
    private int _head;
    private int _size;
    private long _seen;

    public MonotonicWindow(int period)
    {
        _period = period;
        _values = new double[period];
        _positions = new long[period];
    }

    public bool IsFull => _seen >= _period;

    /// <summary>The extremum of the window (of the values seen so far while it is filling).</summary>
    public double Extremum => _size > 0 ? _values[_head] : double.NaN;

    public void Add(double value)
    {
        // Drop values the new one dominates: they can never be the extremum again.
        while (_size > 0 && TOrder.Supersedes(value, _values[Index(_size - 1)]))
            _size--;

        // Expire the front when it leaves the window (only the oldest can).
        if (_size > 0 && _positions[_head] <= _seen - _period)
        {
            _head = _head + 1 == _period ? 0 : _head + 1;
            _size--;
        }

        var tail = Index(_size);
        _values[tail] = value;
        _positions[tail] = _seen;
        _size++;
        _seen++;
    }

    public void Reset()
    {
        _head = 0;
        _size = 0;
        _seen = 0;
    }

    private int Index(int offset)
    {
        var index = _head + offset;
        return index >= _period ? index - _period : index;
    }
}
