namespace TradeNova.Identity.Apis;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);
