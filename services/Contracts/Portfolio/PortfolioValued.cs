namespace TradeNova.Contracts.Portfolio;

/// <summary>A fresh valuation of the user's portfolio (USD); Risk keeps its equity read model from these.</summary>
public sealed record PortfolioValued(
    Guid UserId,
    Guid PortfolioId,
    decimal Cash,
    decimal PositionsValue,
    decimal Equity,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    int OpenPositions,
    DateTimeOffset ValuedAt);
