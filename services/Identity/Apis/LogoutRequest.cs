namespace TradeNova.Identity.Apis;

public sealed record LogoutRequest(string? RefreshToken);
