namespace TradeNova.Execution.Brokers.Alpaca.Dto;

public sealed record AlpacaPosition
{
    public required string Symbol { get; init; }

    public string? AssetId { get; init; }

    public string? Exchange { get; init; }

    public string? AssetClass { get; init; }

    /// <summary><c>long</c> or <c>short</c>.</summary>
    public string? Side { get; init; }

    public decimal Qty { get; init; }

    public decimal? QtyAvailable { get; init; }

    public decimal? AvgEntryPrice { get; init; }

    public decimal? MarketValue { get; init; }

    public decimal? CostBasis { get; init; }

    public decimal? UnrealizedPl { get; init; }

    public decimal? UnrealizedIntradayPl { get; init; }

    public decimal? CurrentPrice { get; init; }

    public decimal? LastdayPrice { get; init; }

    public decimal? ChangeToday { get; init; }
}
