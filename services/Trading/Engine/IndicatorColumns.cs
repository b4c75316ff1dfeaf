using System.Collections.Concurrent;
using TradeNova.Trading.Indicators;

namespace TradeNova.Trading.Engine;

/// <summary>Indicator series of a <see cref="MarketDataSet"/> computed once per distinct parameter and shared by every run
/// of a parameter search: a grid of 1,000 SMA crossovers over 70 distinct lengths computes 70 columns, not 2,000
/// incremental averages. A column holds, for each bar of a symbol, the value the incremental indicator has after that
/// bar (NaN until it is ready), computed with the same operations in the same order (<see cref="MovingAverageColumn"/>),
/// so it is the same double bit for bit (tested). Thread-safe; columns are immutable once built. Pass it to
/// <see cref="BacktestEngine.Run(Strategies.IStrategy, MarketDataSet, IndicatorColumns?)"/>.</summary>
public sealed class IndicatorColumns
{
    private readonly ConcurrentDictionary<(int Series, int Period), Lazy<double[]>> _simpleMovingAverages = new();

    public IndicatorColumns(MarketDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
    }

    public MarketDataSet Data { get; }

    /// <summary>Number of columns computed so far.</summary>
    public int Count => _simpleMovingAverages.Count;

    /// <summary>SMA(<paramref name="period"/>) of the closes of <paramref name="symbol"/>, one value per bar of the symbol.</summary>
    public IReadOnlyList<double> SimpleMovingAverage(string symbol, int period)
    {
        var series = Data.IndexOf(symbol);
        if (series < 0)
        {
            throw new ArgumentException($"Symbol {symbol} is not in the data.", nameof(symbol));
        }

        return SimpleMovingAverage(series, period);
    }

    internal double[] SimpleMovingAverage(int series, int period)
    {
        IndicatorPeriod.Require(period, nameof(period));
        return _simpleMovingAverages
            .GetOrAdd((series, period), static (key, columns) => new Lazy<double[]>(() => columns.Compute(key.Series, key.Period)), this)
            .Value;
    }

    private double[] Compute(int series, int period)
    {
        var closes = Data.Closes[series];
        var values = new double[closes.Length];
        MovingAverageColumn.Compute(closes, Data.CloseTicks(series), period, values);
        return values;
    }
}
