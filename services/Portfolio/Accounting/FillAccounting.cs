namespace TradeNova.Portfolio.Accounting;

/// <summary>
/// Average-cost accounting of one fill, pure. Rules (the SPA and the tests rely on them):
/// <list type="bullet">
/// <item><description>Cash changes by -(signed quantity × price) - fee, rounded to the cent (half away from zero).</description></item>
/// <item><description>Adding to a position (same direction) re-averages the cost: (|q|·c + |d|·p) / (|q| + |d|), kept to
/// six decimals; fees never enter the average cost.</description></item>
/// <item><description>Reducing realizes (p - c) × closed quantity × direction, to the cent; the average cost of what remains
/// is unchanged; a full close leaves quantity and cost 0.</description></item>
/// <item><description>A fill larger than the position closes it and opens the remainder the other way at the fill price
/// (Risk refuses paper short sales, but a broker fill is applied as it happened).</description></item>
/// </list>
/// Realized P&amp;L is before fees; fees are accounted separately, so net P&amp;L = realized + unrealized - fees.
/// </summary>
public static class FillAccounting
{
    public static FillOutcome Apply(PositionState position, bool isBuy, decimal quantity, decimal price, decimal fee)
    {
        if (quantity <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A fill quantity is positive.");
        }

        if (price <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A fill price is positive.");
        }

        var signed = isBuy ? quantity : -quantity;
        var cashChange = Cents(-(signed * price) - fee);
        var current = position.Quantity;

        if (current == 0m || Math.Sign(current) == Math.Sign(signed))
        {
            var total = Math.Abs(current) + quantity;
            var average = Math.Round((Math.Abs(current) * position.AverageCost + quantity * price) / total, 6, MidpointRounding.AwayFromZero);
            return new FillOutcome(new PositionState(current + signed, average), cashChange, 0m, 0m);
        }

        var closed = Math.Min(quantity, Math.Abs(current));
        var realized = Cents((price - position.AverageCost) * closed * Math.Sign(current));
        var after = current + signed;
        var next = after == 0m
            ? PositionState.Flat
            : Math.Sign(after) == Math.Sign(current)
                ? new PositionState(after, position.AverageCost)
                : new PositionState(after, price);
        return new FillOutcome(next, cashChange, realized, closed);
    }

    public static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
