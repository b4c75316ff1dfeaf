namespace TradeNova.Execution.Strategies;

/// <summary>
/// The latest equity Portfolio reported for one of a user's accounts (<c>PortfolioValued</c>): the upper bound of a
/// strategy's allocation on that account. Execution keeps only this from Portfolio's events.
/// </summary>
public sealed class AccountEquity
{
    public Guid UserId { get; init; }

    /// <summary><c>paper</c> or <c>live</c>.</summary>
    public required string Mode { get; init; }

    public decimal Equity { get; set; }

    public DateTimeOffset ValuedAt { get; set; }
}
