namespace TradeNova.Contracts.Portfolio;

/// <summary>
/// A fresh valuation of the user's portfolio (USD); Risk keeps its equity, position and drawdown read model from
/// these. <paramref name="StartOfDayEquity"/> is the equity at the start of the current UTC session;
/// <paramref name="PeakEquity"/> the highest equity seen. <paramref name="Mode"/> is <c>paper</c> or <c>live</c>.
/// A valuation that follows applying a fill names it (<paramref name="AppliedOrderId"/>, <paramref name="AppliedFillId"/>):
/// from then on the fill is in the portfolio's cash, positions and trade history. <paramref name="LastFillAt"/> is the
/// <c>FilledAt</c> of the latest fill in these figures (null: none yet), so a reader that also applies
/// <c>OrderFilled</c> can tell which fills a valuation already holds: one valued after a fill's time may still have been
/// valued before that fill reached the portfolio.
/// </summary>
public sealed record PortfolioValued(
    Guid UserId,
    Guid PortfolioId,
    decimal Cash,
    decimal PositionsValue,
    decimal Equity,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    int OpenPositions,
    DateTimeOffset ValuedAt,
    decimal StartOfDayEquity,
    decimal PeakEquity,
    IReadOnlyList<PositionValuation> Positions,
    string Mode = "paper",
    Guid? AppliedOrderId = null,
    Guid? AppliedFillId = null,
    DateTimeOffset? LastFillAt = null);
