using System.Runtime.CompilerServices;
using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>Arithmetic mean of the last <see cref="Period"/> values. A ring buffer with a running sum makes an update
/// a handful of instructions (the SMA crossover is the engine's throughput benchmark). The sum is of exact 10^-8 ticks
/// while the window holds prices, so the value is the correctly rounded mean and cannot drift: a flat window reads its
/// price exactly. The arithmetic lives in <see cref="RollingMean"/>, shared with the indicator columns of parameter
/// searches.</summary>
public sealed class SimpleMovingAverage : ISeriesIndicator
{
    private readonly PriceSource _source;
    private RollingMean _mean;

    public SimpleMovingAverage(int period, PriceSource source = PriceSource.Close)
    {
        Period = IndicatorPeriod.Require(period, nameof(period));
        _mean = new RollingMean(period);
        _source = source;
    }

    public int Period { get; }

    public bool IsReady => _mean.IsReady;

    public double Value => _mean.Value;

    public void Update(in Bar bar) => Update(_source.Read(bar));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(double value) => _mean.Update(value);

    public void Reset() => _mean.Reset();
}
