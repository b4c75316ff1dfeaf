using TradeNova.Trading.Data;
using TradeNova.Trading.Indicators;
using TradeNova.Trading.Numerics;

namespace TradeNova.Trading.Engine;

/// <summary>Several symbols' bars merged onto one clock: the union of all bar times in increasing order, and for each
/// symbol and time step the index of its bar at that time (or -1 when it has none). Built once and immutable, so an
/// optimiser can share one instance across parallel runs and the engine's loop does no merging or lookups.</summary>
public sealed class MarketDataSet
{
    private readonly Dictionary<string, int> _indexBySymbol;
    private readonly TickSeries?[] _closeTicks;

    public MarketDataSet(IEnumerable<BarSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        Series = series.ToArray();
        if (Series.Count == 0)
        {
            throw new ArgumentException("At least one series is required.", nameof(series));
        }

        _indexBySymbol = new Dictionary<string, int>(StringComparer.Ordinal);
        Symbols = new string[Series.Count];
        Bars = new Bar[Series.Count][];
        for (var s = 0; s < Series.Count; s++)
        {
            var one = Series[s];
            if (!_indexBySymbol.TryAdd(one.Symbol, s))
            {
                throw new ArgumentException($"Symbol {one.Symbol} appears twice.", nameof(series));
            }

            for (var i = 1; i < one.Bars.Length; i++)
            {
                if (one.Bars[i].Time <= one.Bars[i - 1].Time)
                {
                    throw new ArgumentException($"Bars of {one.Symbol} are not in strictly increasing time order at index {i}.", nameof(series));
                }
            }

            Symbols[s] = one.Symbol;
            Bars[s] = one.Bars;
        }

        Timeline = MergeTimes(Bars);
        UtcDay = new long[Timeline.Length];
        DayIndex = new int[Timeline.Length];
        var dayCount = 0;
        for (var t = 0; t < Timeline.Length; t++)
        {
            UtcDay[t] = Timeline[t].UtcTicks / TimeSpan.TicksPerDay;
            if (t == 0 || UtcDay[t] != UtcDay[t - 1])
            {
                dayCount++;
            }

            DayIndex[t] = dayCount - 1;
        }

        DayCount = dayCount;
        DayCloseTimes = dayCount == Timeline.Length ? Timeline : new DateTimeOffset[dayCount];
        if (!ReferenceEquals(DayCloseTimes, Timeline))
        {
            for (var t = 0; t < Timeline.Length; t++)
            {
                DayCloseTimes[DayIndex[t]] = Timeline[t];
            }
        }

        BarIndex = new int[Series.Count][];
        Closes = new double[Series.Count][];
        CloseMantissas = new long[Series.Count][];
        CloseScales = new byte[Series.Count][];
        UniformCloseScale = new int[Series.Count];
        LargestCloseMantissa = new long[Series.Count];
        ClosesFitIntegers = true;
        _closeTicks = new TickSeries?[Series.Count];
        for (var s = 0; s < Series.Count; s++)
        {
            BarIndex[s] = AlignToTimeline(Bars[s], Timeline);
            ClosesFitIntegers &= BuildCloseColumns(Bars[s], out Closes[s], out CloseMantissas[s], out CloseScales[s]);
            UniformCloseScale[s] = CloseScales[s].Length > 0 && Array.TrueForAll(CloseScales[s], c => c == CloseScales[s][0]) ? CloseScales[s][0] : -1;
            LargestCloseMantissa[s] = CloseMantissas[s].Length == 0 ? 0 : CloseMantissas[s].Max(m => m == long.MinValue ? long.MaxValue : Math.Abs(m));
        }
    }

    public IReadOnlyList<BarSeries> Series { get; }

    /// <summary>Symbol of each series, by series index.</summary>
    internal string[] Symbols { get; }

    internal Bar[][] Bars { get; }

    /// <summary>Every distinct bar time of every series, increasing.</summary>
    internal DateTimeOffset[] Timeline { get; }

    /// <summary>UTC date of each time step as a day number (days since 0001-01-01), for the daily-loss monitor.</summary>
    internal long[] UtcDay { get; }

    /// <summary>Index of each time step's UTC date among the distinct dates (0, 0, 1, 2, 2, ... for intraday bars).</summary>
    internal int[] DayIndex { get; }

    /// <summary>Number of distinct UTC dates: the length of the daily equity curve.</summary>
    internal int DayCount { get; }

    /// <summary>Time of the last step of each UTC date (the timeline itself when every step is a new date).</summary>
    internal DateTimeOffset[] DayCloseTimes { get; }

    /// <summary>[series][time step] = index into <see cref="Bars"/> of that series, or -1 when it has no bar then.</summary>
    internal int[][] BarIndex { get; }

    /// <summary>[series][bar index] = the bar's close as a double, converted once for every run and strategy.</summary>
    internal double[][] Closes { get; }

    /// <summary>The closes of a series as 10^-8 ticks for its moving averages, converted on first use and shared by
    /// every run and strategy (two threads may both convert; either result is the same).</summary>
    internal TickSeries CloseTicks(int series) => _closeTicks[series] ??= new TickSeries(Closes[series]);

    /// <summary>[series][bar index] = the close's decimal mantissa, when <see cref="ClosesFitIntegers"/>.</summary>
    internal long[][] CloseMantissas { get; }

    /// <summary>[series][bar index] = the close's decimal scale.</summary>
    internal byte[][] CloseScales { get; }

    /// <summary>[series] = the scale every close of the series has, or -1 when they differ.</summary>
    internal int[] UniformCloseScale { get; }

    /// <summary>[series] = the largest absolute close mantissa, bounding a position's marked value in advance.</summary>
    internal long[] LargestCloseMantissa { get; }

    /// <summary>True when every close's mantissa fits 63 bits, so positions can be marked in integer arithmetic.</summary>
    internal bool ClosesFitIntegers { get; }

    public int TimeStepCount => Timeline.Length;

    /// <summary>Total number of bars across all series: the "bar-steps" one run processes.</summary>
    public int BarCount => Bars.Sum(b => b.Length);

    public int IndexOf(string symbol) => _indexBySymbol.TryGetValue(symbol, out var index) ? index : -1;

    private static bool BuildCloseColumns(Bar[] bars, out double[] closes, out long[] mantissas, out byte[] scales)
    {
        closes = new double[bars.Length];
        mantissas = new long[bars.Length];
        scales = new byte[bars.Length];
        var fit = true;
        for (var i = 0; i < bars.Length; i++)
        {
            var close = bars[i].Close;
            closes[i] = (double)close;
            fit &= ScaledDecimal.TryDecompose(close, out mantissas[i], out var scale);
            scales[i] = (byte)scale;
        }

        return fit;
    }

    private static DateTimeOffset[] MergeTimes(Bar[][] bars)
    {
        if (bars.Length == 1)
        {
            return Array.ConvertAll(bars[0], b => b.Time);
        }

        // k-way merge by cursors: O(total bars × symbols), no sorting, no hashing, deterministic.
        var cursors = new int[bars.Length];
        var merged = new List<DateTimeOffset>(bars.Max(b => b.Length));
        while (true)
        {
            var next = DateTimeOffset.MaxValue;
            var any = false;
            for (var s = 0; s < bars.Length; s++)
            {
                if (cursors[s] < bars[s].Length && bars[s][cursors[s]].Time < next)
                {
                    next = bars[s][cursors[s]].Time;
                    any = true;
                }
            }

            if (!any)
            {
                return merged.ToArray();
            }

            merged.Add(next);
            for (var s = 0; s < bars.Length; s++)
            {
                if (cursors[s] < bars[s].Length && bars[s][cursors[s]].Time == next)
                {
                    cursors[s]++;
                }
            }
        }
    }

    private static int[] AlignToTimeline(Bar[] bars, DateTimeOffset[] timeline)
    {
        var index = new int[timeline.Length];
        var cursor = 0;
        for (var t = 0; t < timeline.Length; t++)
        {
            if (cursor < bars.Length && bars[cursor].Time == timeline[t])
            {
                index[t] = cursor++;
            }
            else
            {
                index[t] = -1;
            }
        }

        return index;
    }
}
