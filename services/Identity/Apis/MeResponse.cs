namespace TradeNova.Identity.Apis;

public sealed record MeResponse(
    Guid UserId,
    string Email,
    string DisplayName,
    string Role,
    string Plan,
    string SubStatus,
    DateTimeOffset CreatedAt);
