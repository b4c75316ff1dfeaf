namespace TradeNova.Risk.Model;

/// <summary>Platform-wide rules that are not per-user limits (<c>TradeNova:Risk</c>).</summary>
public sealed class RiskOptions
{
    /// <summary>A limit price further than this fraction from the last price is refused (fat-finger collar).</summary>
    public decimal PriceCollarFraction { get; set; } = 0.10m;

    /// <summary>Pre-trade checks one user may ask for per minute (runaway clients).</summary>
    public int MaxOrdersPerMinute { get; set; } = 30;

    /// <summary>How often the symbol universe and last prices are written to the database.</summary>
    public TimeSpan SymbolPersistInterval { get; set; } = TimeSpan.FromSeconds(15);
}
