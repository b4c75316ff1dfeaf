using TradeNova.Trading.Data;

namespace TradeNova.Trading.Indicators;

/// <summary>Wilder's RSI. Gains and losses are the positive and negative parts of x_t - x_(t-1); their averages start
/// as the simple mean of the first <see cref="Period"/> changes and then follow Wilder's smoothing
/// avg_t = (avg_(t-1) × (n - 1) + change_t) / n. RSI = 100 - 100 / (1 + avgGain / avgLoss); 100 when the average loss
/// is 0 and 0 when the average gain is 0 (as in <c>technicalindicators</c>, which however rounds its output to two
/// decimals; this class does not round). Ready after <see cref="Period"/> + 1 values.</summary>
public sealed class RelativeStrengthIndex : ISeriesIndicator
{
    private readonly PriceSource _source;
    private int _changes;
    private bool _hasPrevious;
    private double _previous;
    private double _averageGain;
    private double _averageLoss;

    public RelativeStrengthIndex(int period, PriceSource source = PriceSource.Close)
    {
        Period = IndicatorPeriod.Require(period, nameof(period));
        _source = source;
        Reset();
    }

    public int Period { get; }

    public bool IsReady => _changes >= Period;

    public double Value { get; private set; }

    /// <summary>Wilder-smoothed average gain; NaN until ready.</summary>
    public double AverageGain => IsReady ? _averageGain : double.NaN;

    /// <summary>Wilder-smoothed average loss (a positive number); NaN until ready.</summary>
    public double AverageLoss => IsReady ? _averageLoss : double.NaN;

    public void Update(in Bar bar) => Update(_source.Read(bar));

    public void Update(double value)
    {
        if (!_hasPrevious)
        {
            _previous = value;
            _hasPrevious = true;
            return;
        }

        var change = value - _previous;
        _previous = value;
        var gain = change > 0 ? change : 0.0;
        var loss = change < 0 ? -change : 0.0;
        if (_changes >= Period)
        {
            _averageGain = (_averageGain * (Period - 1) + gain) / Period;
            _averageLoss = (_averageLoss * (Period - 1) + loss) / Period;
        }
        else
        {
            // While warming up, the averages hold running sums of the first changes.
            _averageGain += gain;
            _averageLoss += loss;
            if (++_changes < Period)
                return;
            _averageGain /= Period;
            _averageLoss /= Period;
        }

        Value = _averageLoss == 0 ? 100.0 : _averageGain == 0 ? 0.0 : 100.0 - 100.0 / (1.0 + _averageGain / _averageLoss);
    }

    public void Reset()
    {
        _changes = 0;
        _hasPrevious = false;
        _previous = 0;
        _averageGain = 0;
        _averageLoss = 0;
        Value = double.NaN;
    }
}
