using TradeNova.Trading.Broker;
using TradeNova.Trading.Data;

namespace TradeNova.Benchmarks;

/// <summary>The floor the engine is measured against: the SMA crossover written by hand for one symbol, doing only the
/// work the result needs. The same SMA arithmetic as <c>SimpleMovingAverage</c> (exact running sums of 10^-8 ticks, one
/// division per value), the same cross rule, entries for all the cash at the next open and exits of the whole position
/// in <see cref="decimal"/>, and an exact daily equity curve kept as scaled 64-bit integers (cash + quantity × close)
/// converted to <see cref="decimal"/> with the right scale when stored. A Trading test checks that it reproduces the
/// engine's fills, final equity and every curve value bit for bit, so the ratio engine / floor is an honest one.
/// Compiled into the benchmarks and into the Trading tests (linked), hence no dependency on either.</summary>
internal static class FloorLoop
{
    /// <summary>2^53: the floor's sums of ticks stay below it, so each divides exactly as the engine's do.</summary>
    private const double ExactIntegerLimit = 9007199254740992.0;

    private static readonly long[] Pow10 = [.. Enumerable.Range(0, 19).Select(i => (long)Math.Pow(10, i))];

    /// <summary>Columns prepared once, like a <c>MarketDataSet</c>: 10^-8 ticks for the averages, scaled integers for
    /// marking.</summary>
    public sealed class Prepared
    {
        public Prepared(BarSeries series)
        {
            var bars = series.Bars;
            Close = new double[bars.Length];
            CloseMantissa = new long[bars.Length];
            CloseTicks = new long[bars.Length];
            Open = new decimal[bars.Length];
            Span<int> bits = stackalloc int[4];
            for (var i = 0; i < bars.Length; i++)
            {
                var close = bars[i].Close;
                Close[i] = (double)close;
                Open[i] = bars[i].Open;
                decimal.GetBits(close, bits);
                var scale = (bits[3] >> 16) & 0xFF;
                if (bits[2] != 0 || bits[1] < 0 || close < 0m || scale > 8 || (i > 0 && scale != CloseScale))
                {
                    throw new ArgumentException("The floor loop is written for positive closes of one scale up to 8 that fit 63 bits.", nameof(series));
                }

                CloseScale = scale;
                CloseMantissa[i] = ((long)bits[1] << 32) | (uint)bits[0];
                CloseTicks[i] = checked(CloseMantissa[i] * Pow10[8 - scale]);
                LargestTicks = Math.Max(LargestTicks, CloseTicks[i]);
            }

            LastClose = bars.Length == 0 ? 0m : bars[^1].Close;
        }

        public double[] Close { get; }

        public long[] CloseMantissa { get; }

        public long[] CloseTicks { get; }

        public long LargestTicks { get; }

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
        var ticks = data.CloseTicks;
        if (data.LargestTicks >= ExactIntegerLimit / slow || fast > slow)
        {
            throw new ArgumentException("The floor loop is written for fast < slow and sums of ticks below 2^53.");
        }

        double fastDivisor = fast * 1e8, slowDivisor = slow * 1e8;
        long fastSum = 0, slowSum = 0;
        double fastValue = double.NaN, slowValue;
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

            var tick = ticks[i];
            fastSum += tick;
            if (i >= fast)
            {
                fastSum -= ticks[i - fast];
            }

            if (i >= fast - 1)
            {
                fastValue = fastSum / fastDivisor;
            }

            slowSum += tick;
            if (i >= slow)
            {
                slowSum -= ticks[i - slow];
            }

            if (i < slow - 1)
            {
                continue;
            }

            slowValue = slowSum / slowDivisor;
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
