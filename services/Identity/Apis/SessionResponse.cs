namespace TradeNova.Identity.Apis;

/// <summary>One sign-in that can still refresh: when it began, when it was last refreshed, from where and what.</summary>
public sealed record SessionResponse(
    Guid Id,
    DateTimeOffset SignedInAt,
    DateTimeOffset LastActiveAt,
    DateTimeOffset ExpiresAt,
    string? ClientAddress,
    string? UserAgent,
    bool Current);
