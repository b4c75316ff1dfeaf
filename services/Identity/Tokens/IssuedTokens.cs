namespace TradeNova.Identity.Tokens;

/// <summary>What login and refresh return (field names per the platform contract).</summary>
public sealed record IssuedTokens(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);
