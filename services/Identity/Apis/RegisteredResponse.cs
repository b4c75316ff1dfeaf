namespace TradeNova.Identity.Apis;

public sealed record RegisteredResponse(Guid UserId, string Email);
