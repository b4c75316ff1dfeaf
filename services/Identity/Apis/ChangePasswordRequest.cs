namespace TradeNova.Identity.Apis;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
