namespace TradeNova.Trading.Strategies;

/// <summary>Detects crosses of two series bar by bar. A cross needs both series defined on the previous bar and on this
/// one (NaN means undefined), so nothing is signalled on the first bar on which both are ready.</summary>
public struct CrossDetector
{
    private double _previousFirst;
    private double _previousSecond;
    private bool _hasPrevious;

    public CrossDirection Update(double first, double second)
    {
        if (double.IsNaN(first) || double.IsNaN(second))
        {
            _hasPrevious = false;
            return CrossDirection.None;
        }

        var result = CrossDirection.None;
        if (_hasPrevious)
        {
            if (_previousFirst <= _previousSecond && first > second)
                result = CrossDirection.Above;
            else if (_previousFirst >= _previousSecond && first < second)
                result = CrossDirection.Below;
        }

        _previousFirst = first;
        _previousSecond = second;
        _hasPrevious = true;
        return result;
    }

    public void Reset() => this = default;
}
