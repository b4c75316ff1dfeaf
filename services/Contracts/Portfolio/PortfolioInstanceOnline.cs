namespace TradeNova.Contracts.Portfolio;

/// <summary>
/// Portfolio's own presence signal between its instances: sent at start and every few seconds, and once in
/// <paramref name="Reply"/> to an instance heard from for the first time. An instance that hears from no other pushes
/// the fills it applies to its own connections directly instead of over the bus.
/// </summary>
public sealed record PortfolioInstanceOnline(string InstanceId, DateTimeOffset At, bool Reply = false);
