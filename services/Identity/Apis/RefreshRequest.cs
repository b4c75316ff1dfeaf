namespace TradeNova.Identity.Apis;

public sealed record RefreshRequest(string? RefreshToken);
