namespace TradeNova.Identity.Apis;

public sealed record LoginRequest(string? Email, string? Password);
