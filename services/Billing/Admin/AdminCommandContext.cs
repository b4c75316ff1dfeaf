namespace TradeNova.Billing.Admin;

/// <summary>What every admin action needs, bound with [AsParameters] to keep the route table readable.</summary>
public readonly record struct AdminCommandContext(ClaimsPrincipal Principal, AdminCommands Commands, CancellationToken CancellationToken);
