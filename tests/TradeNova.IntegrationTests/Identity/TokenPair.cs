namespace TradeNova.IntegrationTests.Identity;

/// <summary>The body of a successful login or refresh, as the platform contract names its fields.</summary>
public sealed record TokenPair(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);
