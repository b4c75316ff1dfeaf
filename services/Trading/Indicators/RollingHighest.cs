using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>The highest of the last <see cref="Period"/> values (current one included), e.g. a Donchian channel's upper band. Amortised O(1)
/// per update through a monotonic deque. Fed bars, it reads the bar's <see cref="PriceSource.High"/> by default.</summary>
public sealed class RollingHighest : ISeriesIndicator
{
    private readonly MonotonicWindow<MaximumOrder> _window;
    private readonly PriceSource _source;

    public RollingHighest(int period, PriceSource source = PriceSource.High)
    {
        Period = IndicatorPeriod.Require(period, nameof(period));
        _window = new MonotonicWindow<MaximumOrder>(period);
        _source = source;
    }

    public int Period { get; }

    public bool IsReady => _window.IsFull;

    public double Value => _window.IsFull ? _window.Extremum : double.NaN;

    public void Update(in Bar bar) => _window.Add(_source.Read(bar));

    public void Update(double value) => _window.Add(value);

    public void Reset() => _window.Reset();
}
