namespace TradeNova.Billing.Apis;

public sealed record CustomerResponse(Guid UserId, string Email, string Status, DateTimeOffset CreatedAt);
