using TradeNova.Contracts.Risk;

namespace TradeNova.Risk.Apis;

/// <summary>What CheckOrderRisk would answer now: every violation, and the bracket that would attach.</summary>
public sealed record RiskPreviewResponse(
    bool Approved,
    IReadOnlyList<RiskViolation> Violations,
    string Symbol,
    decimal Quantity,
    decimal ReferencePrice,
    bool IsOpening,
    decimal? StopLossPrice,
    decimal? TakeProfitPrice);
