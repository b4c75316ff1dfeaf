using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>Stochastic oscillator. %K = 100 × (C - LL_n) / (HH_n - LL_n) over the last n bars' highs and lows (0 when
/// HH = LL, as in <c>technicalindicators</c>); %D = SMA_d(%K). %K is ready after n bars, %D after n + d - 1.</summary>
public sealed class Stochastic : IIndicator
{
    private readonly MonotonicWindow<MaximumOrder> _highs;
    private readonly MonotonicWindow<MinimumOrder> _lows;
    private readonly SimpleMovingAverage _d;

    public Stochastic(int period = 14, int signalPeriod = 3)
    {
        Period = IndicatorPeriod.Require(period, nameof(period));
        SignalPeriod = IndicatorPeriod.Require(signalPeriod, nameof(signalPeriod));
        _highs = new MonotonicWindow<MaximumOrder>(period);
        _lows = new MonotonicWindow<MinimumOrder>(period);
        _d = new SimpleMovingAverage(signalPeriod);
    }

    public int Period { get; }

    public int SignalPeriod { get; }

    /// <summary>True once both %K and %D are defined.</summary>
    public bool IsReady => _d.IsReady;

    public bool IsKReady => _highs.IsFull;

    public double K { get; private set; } = double.NaN;

    public double D => _d.Value;

    public void Update(in Bar bar) => Update((double)bar.High, (double)bar.Low, (double)bar.Close);

    public void Update(double high, double low, double close)
    {
        _highs.Add(high);
        _lows.Add(low);
        if (!_highs.IsFull)
            return;
        var lowest = _lows.Extremum;
        var range = _highs.Extremum - lowest;
        K = range > 0 ? (close - lowest) / range * 100.0 : 0.0;
        _d.Update(K);
    }

    public void Reset()
    {
        _highs.Reset();
        _lows.Reset();
        _d.Reset();
        K = double.NaN;
    }
}
