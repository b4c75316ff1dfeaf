namespace TradeNova.Billing.Admin;

/// <summary>An admin's change to a subscription: the reason is required and audited; <paramref name="Days"/> for grant and extend.</summary>
public sealed record AdminActionRequest(string? Reason, int? Days);
