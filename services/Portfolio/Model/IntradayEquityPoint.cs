namespace TradeNova.Portfolio.Model;

/// <summary>A point of today's equity line (at most one a minute plus one per fill); older days keep only their
/// daily snapshot and these are deleted after two days.</summary>
public sealed class IntradayEquityPoint
{
    public Guid PortfolioId { get; init; }

    public DateTimeOffset At { get; init; }

    public decimal Equity { get; init; }

    public decimal Drawdown { get; init; }
}
