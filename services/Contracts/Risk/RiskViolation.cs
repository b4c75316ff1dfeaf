namespace TradeNova.Contracts.Risk;

/// <summary>One reason an order was refused: a stable <paramref name="Code"/> (<see cref="RiskReasonCodes"/>) and a sentence.</summary>
public sealed record RiskViolation(string Code, string Message);
