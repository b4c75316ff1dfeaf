namespace TradeNova.Identity.Admin;

public sealed record AdminReasonRequest(string? Reason);
