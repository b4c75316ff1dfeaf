namespace TradeNova.Trading.Strategies.Rules;

/// <summary>The recent values of one operand source (a price field or an indicator output) for one symbol, newest
/// first, so that <c>barsAgo</c> and crosses read history without the conditions keeping state: conditions are then
/// pure functions of these series, and short-circuiting <c>all</c>/<c>any</c> cannot skip a cross's bookkeeping.</summary>
internal sealed class OperandSeries(Func<double> source, int depth)
{
    private readonly double[] _values = CreateEmpty(depth);
    private int _newest = -1;

    /// <summary>Records the source's value for the current bar.</summary>
    public void Capture()
    {
        _newest = _newest + 1 == _values.Length ? 0 : _newest + 1;
        _values[_newest] = source();
    }

    /// <summary>The value <paramref name="barsAgo"/> bars back, NaN when not recorded (yet).</summary>
    public double At(int barsAgo)
    {
        if (_newest < 0 || barsAgo >= _values.Length)
            return double.NaN;
        var index = _newest - barsAgo;
        return _values[index < 0 ? index + _values.Length : index];
    }

    private static double[] CreateEmpty(int depth)
    {
        var values = new double[depth];
        Array.Fill(values, double.NaN);
        return values;
    }
}
