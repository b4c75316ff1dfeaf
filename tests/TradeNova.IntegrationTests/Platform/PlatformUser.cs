namespace TradeNova.IntegrationTests.Platform;

/// <summary>A user registered and logged in through the gateway.</summary>
public sealed record PlatformUser(Guid UserId, string Email, string Password, string AccessToken);
