namespace TradeNova.Contracts.Identity;

/// <summary>A subscriber account was created; every service opens its per-user records from this.</summary>
public sealed record UserRegistered(Guid UserId, string Email, string DisplayName, DateTimeOffset RegisteredAt);
