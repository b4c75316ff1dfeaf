namespace TradeNova.Identity.Apis;

public sealed record ResetPasswordRequest(string? Token, string? NewPassword);
