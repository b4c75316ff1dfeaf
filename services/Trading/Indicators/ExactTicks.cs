using System.Runtime.CompilerServices;

namespace TradeNova.Trading.Indicators;

/// <summary>Exact sums for averages of prices. A price is a decimal with at most <see cref="Decimals"/> places (a bar's
/// decimal read as a double), so it is an integer count of 10^-8 ticks; sums of ticks are exact, and their mean
/// divided once in double is the correctly rounded mean. A running <c>double</c> sum is not: SMA(2) of 66.21 and 66.21
/// can read 66.21000000000001 after a few hundred updates, which turns <c>close &gt;= sma</c> false on flat prices.
/// A value that is not a whole number of ticks (a ratio such as Stochastic %K) or too large to sum without overflow is
/// "inexact", and an average whose window holds one sums the window's doubles afresh, oldest first.</summary>
internal static class ExactTicks
{
    public const int Decimals = 8;

    /// <summary>Ticks per unit, 10^<see cref="Decimals"/>.</summary>
    public const double PerUnit = 1e8;

    /// <summary>Marks a value that is not a whole number of ticks (no tick count is long.MinValue).</summary>
    public const long Inexact = long.MinValue;

    /// <summary>2^53: integers below it are exact doubles.</summary>
    public const double ExactIntegerLimit = 9007199254740992.0;

    /// <summary>The largest tick count (as a double) of which <paramref name="terms"/> can be summed in a <c>long</c> with
    /// room to spare; pass the sum of the weights for a weighted sum.</summary>
    public static double Bound(long terms) => Math.Floor(long.MaxValue / (double)terms / 2);

    /// <summary>The value's ticks when it is a decimal with at most 8 places (the double nearest that decimal) and below
    /// <paramref name="bound"/>; otherwise false. Beyond 2^53 ticks (90 million) a double cannot tell such decimals
    /// apart, and the ticks are those of one decimal that the value is the nearest double to: whole numbers up to 2·10^10
    /// (a day's volume) are exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGet(double value, double bound, out long ticks)
    {
        var scaled = Math.Round(value * PerUnit);
        if (Math.Abs(scaled) < bound && scaled / PerUnit == value)
        {
            ticks = (long)scaled;
            return true;
        }

        ticks = 0;
        return false;
    }

    /// <summary>sum / divisor ticks as the double nearest the exact quotient; <paramref name="divisor"/> is the count
    /// (or the sum of the weights) times 10^8, a whole number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Quotient(long sum, double divisor) =>
        Math.Abs((double)sum) < ExactIntegerLimit ? sum / divisor : Large(sum, divisor);

    /// <summary>A sum beyond 2^53 (SMA(200) of a $500,000 share): divided in decimal (28 digits), then rounded once more
    /// to a double, so a flat window still gives back its price exactly.</summary>
    private static double Large(long sum, double divisor) => (double)(sum / (decimal)(long)divisor);
}
