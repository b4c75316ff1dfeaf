using TradeNova.Trading.Numerics;

namespace TradeNova.Trading.Broker;

/// <summary>floor(numerator / denominator) for positive decimals without a decimal division. When both mantissas fit
/// 63 bits and the scales are aligned within 64 bits (cash and prices nearly always), one integer division gives it
/// exactly; otherwise a double estimate corrected by exact decimal multiplications (quotients beyond 1e15, where a
/// double is no longer exact to one, fall back to decimal division). Decimal division of cash balances with many
/// digits costs hundreds of nanoseconds and sizing runs on every fill; the result is the same exact integer.</summary>
public static class WholeQuotient
{
    public static decimal Floor(decimal numerator, decimal denominator)
    {
        if (numerator <= 0m || denominator <= 0m)
        {
            return 0m;
        }

        if (TryFloorInIntegers(numerator, denominator, out var exact))
        {
            return exact;
        }

        var estimate = Math.Floor((double)numerator / (double)denominator);
        if (!(estimate < 1e15))
        {
            return decimal.Floor(numerator / denominator);
        }

        var quotient = (decimal)estimate;
        while (quotient > 0m && quotient * denominator > numerator)
        {
            quotient--;
        }

        while ((quotient + 1m) * denominator <= numerator)
        {
            quotient++;
        }

        return quotient;
    }

    /// <summary>n / d = (nm × 10^ds) / (dm × 10^ns) with n = nm / 10^ns and d = dm / 10^ds: both sides as unsigned
    /// 64-bit integers, one truncating division.</summary>
    private static bool TryFloorInIntegers(decimal numerator, decimal denominator, out decimal quotient)
    {
        quotient = 0m;
        if (!ScaledDecimal.TryDecompose(numerator, out var n, out var numeratorScale)
            || !ScaledDecimal.TryDecompose(denominator, out var d, out var denominatorScale)
            || !ScaledDecimal.TryScaleUp(ref n, denominatorScale)
            || !ScaledDecimal.TryScaleUp(ref d, numeratorScale))
        {
            return false;
        }

        quotient = (ulong)n / (ulong)d;
        return true;
    }
}
