using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>Simple average of the last <see cref="Period"/> bars' volume, for volume filters ("volume above its
/// 20-day average").</summary>
public sealed class VolumeAverage : ISeriesIndicator
{
    private readonly SimpleMovingAverage _average;

    public VolumeAverage(int period) => _average = new SimpleMovingAverage(period, PriceSource.Volume);

    public int Period => _average.Period;

    public bool IsReady => _average.IsReady;

    public double Value => _average.Value;

    public void Update(in Bar bar) => _average.Update(bar);

    public void Update(double value) => _average.Update(value);

    public void Reset() => _average.Reset();
}
