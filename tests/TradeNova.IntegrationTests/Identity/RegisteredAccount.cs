namespace TradeNova.IntegrationTests.Identity;

/// <summary>An account a test registered through the API, with the password it chose.</summary>
public sealed record RegisteredAccount(Guid UserId, string Email, string Password, string DisplayName);
