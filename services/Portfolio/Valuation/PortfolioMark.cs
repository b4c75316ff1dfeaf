namespace TradeNova.Portfolio.Valuation;

/// <summary>A portfolio marked to market: the figures of the dashboard, the API and <c>PortfolioValued</c>.</summary>
public sealed record PortfolioMark(
    decimal Cash,
    decimal PositionsValue,
    decimal Equity,
    decimal UnrealizedPnl,
    decimal RealizedPnl,
    decimal Fees,
    decimal StartOfDayEquity,
    decimal DayPnl,
    decimal DayPnlPercent,
    decimal PeakEquity,
    decimal Drawdown,
    IReadOnlyList<PositionMark> Positions);
