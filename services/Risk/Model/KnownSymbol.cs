namespace TradeNova.Risk.Model;

/// <summary>A tradable symbol and its last price, from MarketPricesUpdated; persisted (coalesced) so a restarted Risk
/// knows the universe before the next tick.</summary>
public sealed class KnownSymbol
{
    public required string Symbol { get; init; }

    public decimal LastPrice { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
