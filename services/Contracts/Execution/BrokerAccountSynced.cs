namespace TradeNova.Contracts.Execution;

/// <summary>
/// The user's broker account as the broker reported it at <paramref name="AsOf"/> (Execution reads it with the user's
/// keys when a connection is verified, then periodically and after each order reconciliation). The broker is the truth
/// for the user's <c>live</c> portfolio: Portfolio sets its cash and positions to these and flags what differed.
/// <paramref name="Cash"/> and <paramref name="Equity"/> in USD; <paramref name="Environment"/> is Alpaca's
/// <c>paper</c> or <c>live</c> endpoint the keys belong to.
/// </summary>
public sealed record BrokerAccountSynced(
    Guid UserId,
    string AccountNumber,
    decimal Cash,
    decimal Equity,
    IReadOnlyList<BrokerPosition> Positions,
    DateTimeOffset AsOf,
    string? Environment = null);
