namespace TradeNova.Execution.Brokers.Alpaca.Dto;

/// <summary>
/// <c>GET /v2/account</c>. Everything but the identity is optional: Alpaca adds and retires fields (the pattern-day-trader
/// ones went in 2026), and a missing one must not fail the call.
/// </summary>
public sealed record AlpacaAccount
{
    public required string Id { get; init; }

    public required string AccountNumber { get; init; }

    public string? Status { get; init; }

    public string? Currency { get; init; }

    public decimal? Cash { get; init; }

    public decimal? Equity { get; init; }

    public decimal? LastEquity { get; init; }

    public decimal? PortfolioValue { get; init; }

    public decimal? BuyingPower { get; init; }

    public decimal? RegtBuyingPower { get; init; }

    public decimal? NonMarginableBuyingPower { get; init; }

    public decimal? LongMarketValue { get; init; }

    public decimal? ShortMarketValue { get; init; }

    public decimal? Multiplier { get; init; }

    public bool? TradingBlocked { get; init; }

    public bool? AccountBlocked { get; init; }

    public bool? TradeSuspendedByUser { get; init; }

    public bool? ShortingEnabled { get; init; }

    public bool? PatternDayTrader { get; init; }

    public int? DaytradeCount { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}
