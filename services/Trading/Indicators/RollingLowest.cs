using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>The lowest of the last <see cref="Period"/> values (current one included), e.g. a Donchian channel's lower band. Amortised O(1)
/// per update through a monotonic deque. Fed bars, it reads the bar's <see cref="PriceSource.Low"/> by default.</summary>
public sealed class RollingLowest : ISeriesIndicator
{
    private readonly MonotonicWindow<MinimumOrder> _window;
    private readonly PriceSource _source;

    public RollingLowest(int period, PriceSource source = PriceSource.Low)
    {
        Period = IndicatorPeriod.Require(period, nameof(period));
        _window = new MonotonicWindow<MinimumOrder>(period);
        _source = source;
    }

    public int Period { get; }

    public bool IsReady => _window.IsFull;

    public double Value => _window.IsFull ? _window.Extremum : double.NaN;

    public void Update(in Bar bar) => _window.Add(_source.Read(bar));

    public void Update(double value) => _window.Add(value);

    public void Reset() => _window.Reset();
}
