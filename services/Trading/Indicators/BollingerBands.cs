using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>Bollinger Bands: Middle = SMA_n(x); Upper/Lower = Middle ± k·σ with σ the <b>population</b> standard
/// deviation of the last n values (divisor n, as in <c>technicalindicators</c> and Bollinger's own definition);
/// %B = (x - Lower) / (Upper - Lower), NaN when the bands coincide. The mean and the sum of squared deviations are
/// updated in O(1) with the sliding-window form of Welford's algorithm (when x_new replaces x_old:
/// mean' = mean + (x_new - x_old) / n, M2' = M2 + (x_new - x_old)(x_new - mean' + x_old - mean)), which avoids the
/// cancellation of the sum-of-squares formula, and are recomputed exactly every
/// <see cref="IndicatorPeriod.RecomputeInterval"/> updates. A window of identical values (a halted or illiquid symbol)
/// gets exactly σ = 0 rather than the square root of a rounding residual, so %B is then NaN, not noise.</summary>
public sealed class BollingerBands : IIndicator
{
    private readonly double[] _window;
    private readonly PriceSource _source;
    private int _next;
    private int _count;
    private int _sinceRecompute;
    private double _mean;
    private double _m2;
    private double _last;
    private int _identicalRun;

    public BollingerBands(int period = 20, double multiplier = 2.0, PriceSource source = PriceSource.Close)
    {
        Period = IndicatorPeriod.Require(period, nameof(period));
        if (!(multiplier > 0) || double.IsInfinity(multiplier))
            throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, "The multiplier must be a positive number.");
        Multiplier = multiplier;
        _window = new double[period];
        _source = source;
    }

    public int Period { get; }

    /// <summary>Width of the bands in standard deviations (k).</summary>
    public double Multiplier { get; }

    public bool IsReady => _count == Period;

    public double Middle => IsReady ? _mean : double.NaN;

    /// <summary>Population standard deviation of the window.</summary>
    public double StandardDeviation => IsReady ? Math.Sqrt(Math.Max(_m2, 0.0) / Period) : double.NaN;

    public double Upper => Middle + Multiplier * StandardDeviation;

    public double Lower => Middle - Multiplier * StandardDeviation;

    public double PercentB
    {
        get
        {
            var lower = Lower;
            var width = Upper - lower;
            return width > 0 ? (_last - lower) / width : double.NaN;
        }
    }

    public void Update(in Bar bar) => Update(_source.Read(bar));

    public void Update(double value)
    {
        _identicalRun = _count > 0 && value == _last ? _identicalRun + 1 : 1;
        _last = value;
        if (_count == Period)
        {
            var old = _window[_next];
            var previousMean = _mean;
            _mean = previousMean + (value - old) / Period;
            _m2 += (value - old) * (value - _mean + old - previousMean);
            _window[_next] = value;
            _next = _next + 1 == Period ? 0 : _next + 1;
            if (++_sinceRecompute == IndicatorPeriod.RecomputeInterval)
                Recompute();
            if (_identicalRun >= Period)
            {
                _mean = value;
                _m2 = 0;
            }
            return;
        }

        _count++;
        var delta = value - _mean;
        _mean += delta / _count;
        _m2 += delta * (value - _mean);
        _window[_next] = value;
        _next = _next + 1 == Period ? 0 : _next + 1;
    }

    public void Reset()
    {
        Array.Clear(_window);
        _next = 0;
        _count = 0;
        _sinceRecompute = 0;
        _mean = 0;
        _m2 = 0;
        _last = 0;
        _identicalRun = 0;
    }

    private void Recompute()
    {
        _sinceRecompute = 0;
        var sum = 0.0;
        foreach (var v in _window)
            sum += v;
        var mean = sum / Period;
        var m2 = 0.0;
        foreach (var v in _window)
            m2 += (v - mean) * (v - mean);
        _mean = mean;
        _m2 = m2;
    }
}
