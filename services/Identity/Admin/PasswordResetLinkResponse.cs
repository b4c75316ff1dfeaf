namespace TradeNova.Identity.Admin;

/// <summary>The one-time token of a password reset link, shown to the administrator once, and when it expires.</summary>
public sealed record PasswordResetLinkResponse(string Token, DateTimeOffset ExpiresAt);
