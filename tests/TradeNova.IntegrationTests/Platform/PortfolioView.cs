namespace TradeNova.IntegrationTests.Platform;

/// <summary>What <c>GET /api/v1/portfolio</c> returns (platform contract), as a client reads it.</summary>
public sealed record PortfolioView(Guid PortfolioId, Guid UserId, string Mode, string Currency, decimal Cash, decimal Equity, DateTimeOffset OpenedAt);
