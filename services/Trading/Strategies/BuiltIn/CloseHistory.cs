namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>The last <c>capacity</c> closes of one symbol in a ring, for N-bar returns without allocation.</summary>
internal sealed class CloseHistory(int capacity)
{
    private readonly double[] _closes = new double[capacity];
    private int _next;
    private int _count;

    public bool IsFull => _count == _closes.Length;

    /// <summary>The oldest close kept (N bars before the newest once full).</summary>
    public double Oldest => _closes[IsFull ? _next : 0];

    public double Newest => _closes[(_next + _closes.Length - 1) % _closes.Length];

    public void Add(double close)
    {
        _closes[_next] = close;
        _next = (_next + 1) % _closes.Length;
        if (_count < _closes.Length)
            _count++;
    }
}
