using TradeNova.Trading.Costs;

namespace TradeNova.Trading.Broker;

/// <summary>The largest quantity, in steps of the share increment, whose cost (quantity × price + commission) the cash
/// covers. With a per-share or percentage commission and no minimum this is
/// floor(cash / (price + per-share cost)); searching instead of dividing keeps it exact for any commission schedule
/// (minimums, ticket charges, combinations) as long as commissions do not fall when quantity rises.</summary>
public static class AffordableQuantity
{
    public static decimal Compute(decimal cash, decimal price, ICommissionModel commission, decimal increment)
    {
        ArgumentNullException.ThrowIfNull(commission);
        if (cash <= 0m || price <= 0m || increment <= 0m)
        {
            return 0m;
        }

        if (increment == 1m && increment.Scale == 0 && commission is ZeroCommission)
        {
            // The general path below with price × 1 and 0 commission, whose decimals are the same: the whole quotient
            // itself, without the interface call and the multiplications by 1.
            var shares = WholeQuotient.Floor(cash, price);
            if (shares * price <= cash)
            {
                return shares;
            }
        }

        var high = WholeQuotient.Floor(cash, price * increment);
        if (Fits(high, cash, price, commission, increment))
        {
            return high * increment;
        }

        // Invariant: low fits (0 always does), high does not.
        var low = 0m;
        while (high - low > 1m)
        {
            var mid = decimal.Floor((low + high) / 2m);
            if (Fits(mid, cash, price, commission, increment))
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return low * increment;
    }

    private static bool Fits(decimal steps, decimal cash, decimal price, ICommissionModel commission, decimal increment)
    {
        if (steps <= 0m)
        {
            return true;
        }

        var quantity = steps * increment;
        return quantity * price + commission.Commission(quantity, price) <= cash;
    }
}
