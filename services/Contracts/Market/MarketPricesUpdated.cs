namespace TradeNova.Contracts.Market;

/// <summary>
/// Latest prices, coalesced: the price service publishes one of these per interval (about a second) with the last
/// quote of every symbol that moved, never one message per tick. <paramref name="Source"/> is <c>simulated</c> for the
/// seeded simulation, or the broker's feed name. Not state: consumers keep only the newest per symbol.
/// </summary>
public sealed record MarketPricesUpdated(IReadOnlyList<MarketPrice> Prices, string Source, DateTimeOffset AsOf);
