using TradeNova.Contracts.Risk;

namespace TradeNova.Risk.Checks;

/// <summary>The verdict: every violation that applies, and for an approved opening order the bracket to attach.</summary>
public sealed record RiskAssessment(
    IReadOnlyList<RiskViolation> Violations,
    bool IsOpening,
    decimal ReferencePrice,
    decimal? StopLossPrice,
    decimal? TakeProfitPrice)
{
    public bool Approved => Violations.Count == 0;
}
