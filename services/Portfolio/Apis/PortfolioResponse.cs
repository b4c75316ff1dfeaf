namespace TradeNova.Portfolio.Apis;

public sealed record PortfolioResponse(
    Guid PortfolioId,
    Guid UserId,
    string Mode,
    string Currency,
    decimal Cash,
    decimal Equity,
    IReadOnlyList<PositionResponse> Positions,
    DateTimeOffset OpenedAt)
{
    /// <summary>Equity is cash plus the market value of positions (there are none until trading lands).</summary>
    public static PortfolioResponse From(UserPortfolio portfolio)
    {
        IReadOnlyList<PositionResponse> positions = [];
        var equity = portfolio.Cash + positions.Sum(p => p.MarketValue);
        return new PortfolioResponse(
            portfolio.Id, portfolio.UserId, portfolio.Mode, portfolio.Currency, portfolio.Cash, equity, positions, portfolio.OpenedAt);
    }
}
