using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TradeNova.Trading.Broker;
using TradeNova.Trading.Costs;
using TradeNova.Trading.Strategies;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Trading.Engine;

/// <summary>The fast path of a parameter search over <see cref="SmaCrossoverStrategy"/>: each set's final equity from the
/// shared SMA columns (<see cref="IndicatorColumns"/>) and a scan of their crossings, with the engine's decimal fills
/// (all the cash at the next bar's open, the whole position out) and no event loop, equity curve or statistics. For
/// the options it supports (<see cref="Supports"/>) the result is the engine's final equity, the same decimal; for any
/// other options it runs the engine. A test holds every set of a dense grid to the engine.</summary>
public static class SmaCrossoverGrid
{
    /// <summary>True when the fast path reproduces the engine for these options: no risk rule (none can reject or
    /// resize an order), no commission and no slippage.</summary>
    public static bool Supports(BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Risk is { MaxPositionFraction: null, MaxOpenPositions: null, DailyLossFraction: null, MaxDrawdownFraction: null, DefaultStopLoss: null, DefaultTakeProfit: null }
            && ReferenceEquals(options.Commission, ZeroCommission.Instance)
            && ReferenceEquals(options.Slippage, ZeroSlippage.Instance);
    }

    /// <summary>The final equity of <c>new BacktestEngine(options).Run(new SmaCrossoverStrategy(parameters), columns.Data)</c>.</summary>
    public static decimal FinalEquity(IndicatorColumns columns, SmaCrossoverParameters parameters, BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(parameters);
        StrategyParameterException.ThrowIfInvalid(parameters);
        var series = columns.Data.IndexOf(parameters.Symbol);
        if (series < 0)
        {
            throw new ArgumentException($"The strategy trades {parameters.Symbol}, which is not in the data.", nameof(parameters));
        }

        if (!Supports(options))
        {
            return new BacktestEngine(options with { ComputeStatistics = false })
                .Run(new SmaCrossoverStrategy(parameters), columns.Data, columns).FinalEquity;
        }

        return Scan(columns, series, parameters.FastPeriod, parameters.SlowPeriod, options.InitialCash, options.QuantityIncrement);
    }

    /// <summary><see cref="FinalEquity"/> of every set, in the order given, evaluated in parallel over the shared
    /// columns: first each distinct SMA length (computed once, in parallel), then the sets in contiguous ranges, so no
    /// worker waits for a column another is computing and the per-set scheduling cost stays out of a 4 µs evaluation.</summary>
    public static decimal[] FinalEquities(
        IndicatorColumns columns,
        IReadOnlyList<SmaCrossoverParameters> sets,
        BacktestOptions options,
        int maxDegreeOfParallelism = -1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(sets);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        var lengths = sets
            .Where(set => columns.Data.IndexOf(set.Symbol) >= 0 && set.Validate().Count == 0)
            .SelectMany(set => new[] { (set.Symbol, set.FastPeriod), (set.Symbol, set.SlowPeriod) })
            .Distinct()
            .ToArray();
        Parallel.ForEach(lengths, parallel, length => columns.SimpleMovingAverage(length.Symbol, length.Item2));

        var finals = new decimal[sets.Count];
        var chunk = Math.Max(1, sets.Count / (8 * Environment.ProcessorCount));
        Parallel.ForEach(Partitioner.Create(0, sets.Count, chunk), parallel, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
                finals[i] = FinalEquity(columns, sets[i], options);
        });
        return finals;
    }

    /// <summary>Crossings as <see cref="CrossDetector"/> reports them from the bar where the slow average is ready: with
    /// both values defined there (the fast period is below the slow one), "above" at bar i is fast &gt; slow at i and not
    /// at i - 1, "below" is fast &lt; slow at i and not at i - 1. Those comparisons are made four bars at a time into
    /// 64-bar masks, and only the bars with a crossing (a few dozen in thousands) are visited. A signal at bar i fills at
    /// bar i + 1's open, the next bar of the symbol as in the engine, before the signal of bar i + 1 is read.</summary>
    private static decimal Scan(IndicatorColumns columns, int series, int fastPeriod, int slowPeriod, decimal initialCash, decimal increment)
    {
        var fast = columns.SimpleMovingAverage(series, fastPeriod);
        var slow = columns.SimpleMovingAverage(series, slowPeriod);
        var bars = columns.Data.Bars[series];
        var account = new Account(initialCash, increment);
        var last = bars.Length - 1;
        var start = slowPeriod - 1;
        if (start >= last)
        {
            return account.FinalEquity(bars);
        }

        var previousAbove = fast[start] > slow[start];
        var previousBelow = fast[start] < slow[start];
        ref var fastData = ref MemoryMarshal.GetArrayDataReference(fast);
        ref var slowData = ref MemoryMarshal.GetArrayDataReference(slow);
        // Bars start + 1 .. last - 1 can signal an order that fills (a signal on the last bar never fills).
        for (var block = start + 1; block < last; block += 64)
        {
            var count = Math.Min(64, last - block);
            ulong above = 0, below = 0;
            var j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; j + 4 <= count; j += 4)
                {
                    var f = Vector256.LoadUnsafe(ref fastData, (nuint)(block + j));
                    var sl = Vector256.LoadUnsafe(ref slowData, (nuint)(block + j));
                    above |= (ulong)Vector256.GreaterThan(f, sl).ExtractMostSignificantBits() << j;
                    below |= (ulong)Vector256.LessThan(f, sl).ExtractMostSignificantBits() << j;
                }
            }

            for (; j < count; j++)
            {
                above |= (fast[block + j] > slow[block + j] ? 1UL : 0UL) << j;
                below |= (fast[block + j] < slow[block + j] ? 1UL : 0UL) << j;
            }

            var crossAbove = above & ~((above << 1) | (previousAbove ? 1UL : 0UL));
            var crossBelow = below & ~((below << 1) | (previousBelow ? 1UL : 0UL));
            var events = crossAbove | crossBelow;
            while (events != 0)
            {
                var k = BitOperations.TrailingZeroCount(events);
                events &= events - 1;
                ref readonly var next = ref bars[block + k + 1];
                if ((crossAbove >> k & 1) != 0)
                {
                    account.Enter(next.Open);
                }
                else
                {
                    account.Exit(next.Open);
                }
            }

            previousAbove = (above >> (count - 1) & 1) != 0;
            previousBelow = (below >> (count - 1) & 1) != 0;
        }

        return account.FinalEquity(bars);
    }

    /// <summary>Cash and the position in decimal, changed as the engine's fills change them.</summary>
    private struct Account(decimal cash, decimal increment)
    {
        private decimal _cash = cash;
        private decimal _position;

        /// <summary>A market buy for all the cash (<see cref="LongOnlyOrders"/>: only when flat).</summary>
        public void Enter(decimal price)
        {
            if (_position != 0m)
                return;
            var quantity = AffordableQuantity.Compute(_cash, price, ZeroCommission.Instance, increment);
            if (quantity > 0m)
            {
                _cash += -(quantity * price);
                _position = quantity;
            }
        }

        /// <summary>A market sale of the whole position (only when long).</summary>
        public void Exit(decimal price)
        {
            if (_position <= 0m)
                return;
            _cash += _position * price;
            _position = 0m;
        }

        /// <summary>The equity at the last bar: cash, plus the position at the last close.</summary>
        public readonly decimal FinalEquity(Data.Bar[] bars) =>
            _position == 0m || bars.Length == 0 ? _cash : _cash + _position * bars[^1].Close;
    }
}
