namespace TradeNova.Contracts.Risk;

/// <summary>
/// Answer to <see cref="CheckOrderRisk"/>. When rejected, <paramref name="Violations"/> lists <b>every</b> reason that
/// applies. When approved for an opening order, <paramref name="StopLossPrice"/>/<paramref name="TakeProfitPrice"/> are
/// the bracket legs to attach (the order's own, or the user's defaults); null for orders that only reduce a position.
/// </summary>
public sealed record OrderRiskChecked(
    Guid UserId,
    Guid OrderId,
    bool Approved,
    IReadOnlyList<RiskViolation> Violations,
    decimal? StopLossPrice,
    decimal? TakeProfitPrice,
    DateTimeOffset CheckedAt);
