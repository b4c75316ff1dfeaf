namespace TradeNova.Contracts.Portfolio;

/// <summary>The user's paper portfolio exists with its starting cash (USD).</summary>
public sealed record PortfolioOpened(Guid UserId, Guid PortfolioId, decimal Cash, DateTimeOffset OpenedAt);
