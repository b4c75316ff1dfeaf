using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>Moving Average Convergence/Divergence. Line = MA_fast(x) - MA_slow(x), defined once the slow average is;
/// Signal = MA_signal(Line); Histogram = Line - Signal. Fast and slow periods must satisfy fast &lt; slow so that the
/// line starts exactly when the slow average does (as in <c>technicalindicators</c>).</summary>
public sealed class Macd : IIndicator
{
    private readonly ISeriesIndicator _fast;
    private readonly ISeriesIndicator _slow;
    private readonly ISeriesIndicator _signal;
    private readonly PriceSource _source;

    public Macd(MacdOptions? options = null, PriceSource source = PriceSource.Close)
    {
        Options = options ?? new MacdOptions();
        IndicatorPeriod.Require(Options.FastPeriod, nameof(MacdOptions.FastPeriod));
        IndicatorPeriod.Require(Options.SlowPeriod, nameof(MacdOptions.SlowPeriod));
        IndicatorPeriod.Require(Options.SignalPeriod, nameof(MacdOptions.SignalPeriod));
        if (Options.FastPeriod >= Options.SlowPeriod)
            throw new ArgumentException("The fast period must be shorter than the slow period.", nameof(options));
        _fast = MovingAverageFactory.Create(Options.OscillatorAverage, Options.FastPeriod);
        _slow = MovingAverageFactory.Create(Options.OscillatorAverage, Options.SlowPeriod);
        _signal = MovingAverageFactory.Create(Options.SignalAverage, Options.SignalPeriod);
        _source = source;
        Line = double.NaN;
    }

    public MacdOptions Options { get; }

    /// <summary>True once line, signal and histogram are all defined.</summary>
    public bool IsReady => _signal.IsReady;

    /// <summary>True once the MACD line is defined (the signal needs <c>SignalPeriod - 1</c> more values).</summary>
    public bool IsLineReady => _slow.IsReady;

    public double Line { get; private set; }

    public double Signal => _signal.Value;

    public double Histogram => _signal.IsReady ? Line - _signal.Value : double.NaN;

    public void Update(in Bar bar) => Update(_source.Read(bar));

    public void Update(double value)
    {
        _fast.Update(value);
        _slow.Update(value);
        if (!_slow.IsReady)
            return;
        Line = _fast.Value - _slow.Value;
        _signal.Update(Line);
    }

    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
        Line = double.NaN;
    }
}
