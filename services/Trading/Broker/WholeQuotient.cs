namespace TradeNova.Trading.Broker;

/// <summary>floor(numerator / denominator) for positive decimals without a decimal division: a double estimate
/// corrected by exact decimal multiplications (quotients beyond 1e15, where a double is no longer exact to one, fall
/// back to decimal division). Decimal division of cash balances with many digits costs hundreds of
/// nanoseconds and sizing runs on every fill; the result is the same exact integer.</summary>
public static class WholeQuotient
{
    public static decimal Floor(decimal numerator, decimal denominator)
    {
        if (numerator <= 0m || denominator <= 0m)
        {
            return 0m;
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
}
