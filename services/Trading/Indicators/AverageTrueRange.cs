using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>Wilder's Average True Range. True range TR_t = max(H_t - L_t, |H_t - C_(t-1)|, |L_t - C_(t-1)|) is defined
/// from the second bar on (the first bar has no previous close and, as in <c>technicalindicators</c>, contributes no
/// TR); ATR is the Wilder average (α = 1/n, seeded with the mean of the first n true ranges) of TR, so it is ready after
/// n + 1 bars. Needs high, low and close, so it is fed bars only.</summary>
public sealed class AverageTrueRange : IIndicator
{
    private readonly ExponentialMovingAverage _average;
    private bool _hasPreviousClose;
    private double _previousClose;

    public AverageTrueRange(int period = 14)
    {
        Period = IndicatorPeriod.Require(period, nameof(period));
        _average = WilderMovingAverage.Create(period);
    }

    public int Period { get; }

    public bool IsReady => _average.IsReady;

    public double Value => _average.Value;

    /// <summary>The latest true range; NaN on the first bar.</summary>
    public double TrueRange { get; private set; } = double.NaN;

    public void Update(in Bar bar) => Update((double)bar.High, (double)bar.Low, (double)bar.Close);

    public void Update(double high, double low, double close)
    {
        if (_hasPreviousClose)
        {
            TrueRange = Math.Max(high - low, Math.Max(Math.Abs(high - _previousClose), Math.Abs(low - _previousClose)));
            _average.Update(TrueRange);
        }

        _previousClose = close;
        _hasPreviousClose = true;
    }

    public void Reset()
    {
        _average.Reset();
        _hasPreviousClose = false;
        _previousClose = 0;
        TrueRange = double.NaN;
    }
}
