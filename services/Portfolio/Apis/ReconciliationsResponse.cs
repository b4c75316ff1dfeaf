namespace TradeNova.Portfolio.Apis;

/// <summary>The live portfolio's broker account, when it last reported, and the differences corrected (newest first).</summary>
public sealed record ReconciliationsResponse(
    string Account, string? BrokerAccountNumber, DateTimeOffset? SyncedAt, IReadOnlyList<ReconciliationResponse> Items);
