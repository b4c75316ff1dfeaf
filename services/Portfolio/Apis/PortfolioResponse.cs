using TradeNova.Portfolio.Valuation;

namespace TradeNova.Portfolio.Apis;

/// <summary>The caller's portfolio marked to market (GET /api/v1/portfolio and the hub's <c>portfolioUpdated</c>).
/// Buying power is cash: the paper account has no margin. Day P&amp;L is against start-of-day equity (UTC session);
/// drawdown is from peak equity, a positive fraction.</summary>
public sealed record PortfolioResponse(
    Guid PortfolioId,
    Guid UserId,
    string Mode,
    string Currency,
    decimal Cash,
    decimal Equity,
    IReadOnlyList<PositionResponse> Positions,
    DateTimeOffset OpenedAt,
    decimal BuyingPower,
    decimal PositionsValue,
    decimal DayPnl,
    decimal DayPnlPercent,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    decimal Fees,
    decimal StartOfDayEquity,
    decimal PeakEquity,
    decimal Drawdown,
    DateTimeOffset? ValuedAt)
{
    /// <summary>A portfolio without positions (just opened): equity is its cash.</summary>
    public static PortfolioResponse From(UserPortfolio portfolio) =>
        From(portfolio, PortfolioMarker.Mark(portfolio, [], (_, fallback) => fallback), portfolio.ValuedAt);

    public static PortfolioResponse From(UserPortfolio portfolio, PortfolioMark mark, DateTimeOffset? valuedAt) => new(
        portfolio.Id,
        portfolio.UserId,
        portfolio.Mode,
        portfolio.Currency,
        mark.Cash,
        mark.Equity,
        mark.Positions.Select(PositionResponse.From).ToList(),
        portfolio.OpenedAt,
        mark.Cash,
        mark.PositionsValue,
        mark.DayPnl,
        mark.DayPnlPercent,
        mark.UnrealizedPnl,
        mark.RealizedPnl,
        mark.Fees,
        mark.StartOfDayEquity,
        mark.PeakEquity,
        mark.Drawdown,
        valuedAt);
}
