namespace TradeNova.Contracts.Portfolio;

/// <summary>One of the user's portfolios exists with its starting cash (USD): <paramref name="Mode"/> <c>paper</c> (the
/// starting cash) or <c>live</c> (the broker account's cash when it was first reported).</summary>
public sealed record PortfolioOpened(Guid UserId, Guid PortfolioId, decimal Cash, DateTimeOffset OpenedAt, string Mode = "paper");
