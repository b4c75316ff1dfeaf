namespace TradeNova.Execution.Exchange;

/// <summary>
/// What one tick does to one order. <see cref="FillQuantity"/> &gt; 0 means a fill at <see cref="FillPrice"/> plus
/// <see cref="Fee"/>; <see cref="CancelRemainder"/> cancels what is left (ioc, fok); <see cref="Reject"/> refuses the
/// order outright (a notional too small for one share step). <see cref="ResolvedQuantity"/> is a notional order's
/// share quantity, fixed at its first fill.
/// </summary>
public sealed record MatchDecision(
    bool StopTriggered,
    decimal FillQuantity,
    decimal FillPrice,
    decimal Fee,
    decimal? ResolvedQuantity,
    bool CancelRemainder,
    bool Reject,
    string? Reason)
{
    public static MatchDecision Nothing(bool stopTriggered) => new(stopTriggered, 0m, 0m, 0m, null, false, false, null);

    public bool Fills => FillQuantity > 0m;
}
