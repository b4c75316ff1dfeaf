using TradeNova.Trading.Broker;
using TradeNova.Trading.Data;

namespace TradeNova.Benchmarks;

/// <summary>The floor the engine is measured against: the SMA crossover written by hand for one symbol, doing only the
/// work the result needs. The same ring-buffer SMA arithmetic as <c>SimpleMovingAverage</c> (running sum, recomputed
/// every 1,024 updates), the same cross rule, entries for all the cash at the next open and exits of the whole position
/// in <see cref="decimal"/>, and an exact daily equity curve kept as scaled 64-bit integers (cash + quantity × close)
/// converted to <see cref="decimal"/> with the right scale when stored. A Trading test checks that it reproduces the
/// engine's fills, final equity and every curve value bit for bit, so the ratio engine / floor is an honest one.
/// Compiled into the benchmarks and into the Trading tests (linked), hence no dependency on either.</summary>
internal static class FloorLoop
{
    private const int RecomputeInterval = 1024;

    private static readonly long[] Pow10 = [.. Enumerable.Range(0, 19).Select(i => (long)Math.Pow(10, i))];

    /// <summary>Columns prepared once, like a <c>MarketDataSet</c>: doubles for the averages, scaled integers for marking.</summary>
    public sealed class Prepared
    {
        public Prepared(BarSeries series)
        {
            var bars = series.Bars;
            Close = new double[bars.Length];
            CloseMantissa = new long[bars.Length];
            Open = new decimal[bars.Length];
            Span<int> bits = stackalloc int[4];
            for (var i = 0; i < bars.Length; i++)
            {
                var close = bars[i].Close;
                Close[i] = (double)close;
                Open[i] = bars[i].Open;
                decimal.GetBits(close, bits);
                var scale = (bits[3] >> 16) & 0xFF;
                if (bits[2] != 0 || bits[1] < 0 || close < 0m || (i > 0 && scale != CloseScale))
                {
                    throw new ArgumentException("The floor loop is written for positive closes of one scale that fit 63 bits.", nameof(series));
                }

                CloseScale = scale;
                CloseMantissa[i] = ((long)bits[1] << 32) | (uint)bits[0];
            }

            LastClose = bars.Length == 0 ? 0m : bars[^1].Close;
        }

        public double[] Close { get; }

        public long[] CloseMantissa { get; }

        public int CloseScale { get; private set; }

        public decimal[] Open { get; }

        public decimal LastClose { get; }

        public int Length => Close.Length;
    }

    /// <summary>One execution: bar index, side, quantity and price.</summary>
    public readonly record struct FloorFill(int BarIndex, bool IsBuy, decimal Quantity, decimal Price);

    /// <summary>Runs SMA(fast)/SMA(slow) over the prepared bars. <paramref name="curve"/> (one value per bar) receives the
    /// equity at each close when given; <paramref name="fills"/> receives the executions when given.</summary>
    /// <returns>The final equity and the number of fills.</returns>
    public static (decimal FinalEquity, int FillCount) Run(Prepared data, int fast, int slow, decimal initialCash, decimal[]? curve, FloorFill[]? fills)
    {
        var close = data.Close;
        var closeMantissa = data.CloseMantissa;
        var closeScale = data.CloseScale;
        var open = data.Open;
        var fastWindow = new double[fast];
        var slowWindow = new double[slow];
        int fastNext = 0, fastCount = 0, fastSince = 0, slowNext = 0, slowCount = 0, slowSince = 0;
        double fastSum = 0, slowSum = 0, fastValue = double.NaN, slowValue = double.NaN;
        double previousFast = 0, previousSlow = 0;
        var hasPrevious = false;

        var cash = initialCash;
        var quantity = 0m;
        long quantityMantissa = 0;
        long cashMantissa = 0;
        var pendingBuy = false;
        var pendingSell = false;
        var fillCount = 0;
        var equity = cash;
        for (var i = 0; i < close.Length; i++)
        {
            if (pendingBuy)
            {
                pendingBuy = false;
                var price = open[i];
                var shares = WholeQuotient.Floor(cash, price);
                if (shares > 0m)
                {
                    cash -= shares * price;
                    quantity = shares;
                    quantityMantissa = (long)shares;
                    cashMantissa = Mantissa(cash, closeScale);
                    if (fills is not null)
                    {
                        fills[fillCount] = new FloorFill(i, true, shares, price);
                    }

                    fillCount++;
                }
            }
            else if (pendingSell)
            {
                pendingSell = false;
                var price = open[i];
                cash += quantity * price;
                if (fills is not null)
                {
                    fills[fillCount] = new FloorFill(i, false, quantity, price);
                }

                fillCount++;
                quantity = 0m;
                quantityMantissa = 0;
            }

            if (curve is not null)
            {
                // Flat: the equity is the cash itself (its own scale). Long: cash and quantity × close share the close's
                // scale, so one integer multiply-add gives the exact mantissa.
                equity = quantityMantissa == 0
                    ? cash
                    : Compose(cashMantissa + quantityMantissa * closeMantissa[i], closeScale);
                curve[i] = equity;
            }

            var value = close[i];
            if (fastCount == fast)
            {
                fastSum = fastSum - fastWindow[fastNext] + value;
                fastWindow[fastNext] = value;
                if (++fastSince == RecomputeInterval)
                {
                    fastSince = 0;
                    fastSum = Sum(fastWindow);
                }
            }
            else
            {
                fastSum += value;
                fastWindow[fastNext] = value;
                fastCount++;
            }

            fastNext = fastNext + 1 == fast ? 0 : fastNext + 1;
            if (fastCount == fast)
            {
                fastValue = fastSum / fast;
            }

            if (slowCount == slow)
            {
                slowSum = slowSum - slowWindow[slowNext] + value;
                slowWindow[slowNext] = value;
                if (++slowSince == RecomputeInterval)
                {
                    slowSince = 0;
                    slowSum = Sum(slowWindow);
                }
            }
            else
            {
                slowSum += value;
                slowWindow[slowNext] = value;
                slowCount++;
            }

            slowNext = slowNext + 1 == slow ? 0 : slowNext + 1;
            if (slowCount != slow)
            {
                continue;
            }

            slowValue = slowSum / slow;
            if (hasPrevious)
            {
                if (previousFast <= previousSlow && fastValue > slowValue)
                {
                    pendingBuy = quantity == 0m;
                }
                else if (previousFast >= previousSlow && fastValue < slowValue && quantity > 0m)
                {
                    pendingSell = true;
                }
            }

            previousFast = fastValue;
            previousSlow = slowValue;
            hasPrevious = true;
        }

        if (curve is null && close.Length > 0)
        {
            equity = quantity == 0m ? cash : cash + quantity * data.LastClose;
        }

        return (equity, fillCount);
    }

    private static decimal Compose(long mantissa, int scale)
    {
        var magnitude = (ulong)Math.Abs(mantissa);
        return new decimal((int)magnitude, (int)(magnitude >> 32), 0, mantissa < 0, (byte)scale);
    }

    private static double Sum(double[] window)
    {
        var sum = 0.0;
        foreach (var v in window)
        {
            sum += v;
        }

        return sum;
    }

    /// <summary>The mantissa of <paramref name="value"/> at <paramref name="scale"/> (cash after a fill has the close's
    /// scale or less, so this is exact).</summary>
    private static long Mantissa(decimal value, int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var own = (bits[3] >> 16) & 0xFF;
        var mantissa = ((long)bits[1] << 32) | (uint)bits[0];
        if (bits[2] != 0 || own > scale)
        {
            throw new InvalidOperationException("Cash outgrew the floor loop's scaled integers.");
        }

        mantissa *= Pow10[scale - own];
        return bits[3] < 0 ? -mantissa : mantissa;
    }
}
