namespace TradeNova.Risk.Apis;

/// <summary>The platform kill switch as it stands: engaged or not, and who changed it last, when and why.</summary>
public sealed record KillSwitchResponse(bool Engaged, string? Reason, Guid? ChangedBy, DateTimeOffset? ChangedAt);
