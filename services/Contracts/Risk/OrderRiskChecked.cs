namespace TradeNova.Contracts.Risk;

/// <summary>Answer to <see cref="CheckOrderRisk"/>; when rejected, <paramref name="Reasons"/> says which limits failed.</summary>
public sealed record OrderRiskChecked(
    Guid UserId,
    Guid OrderId,
    bool Approved,
    IReadOnlyList<string> Reasons,
    decimal? StopLossPrice,
    decimal? TakeProfitPrice,
    DateTimeOffset CheckedAt);
