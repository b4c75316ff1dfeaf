namespace TradeNova.Execution.Brokers.Alpaca.MarketData;

/// <summary>The symbols of each channel (<c>*</c> = every symbol). Merging keeps each list distinct and in order.</summary>
public sealed record AlpacaMarketDataSubscription(IReadOnlyList<string> Bars, IReadOnlyList<string> Quotes, IReadOnlyList<string> Trades)
{
    public static readonly AlpacaMarketDataSubscription None = new([], [], []);

    public bool IsEmpty => Bars.Count == 0 && Quotes.Count == 0 && Trades.Count == 0;

    public AlpacaMarketDataSubscription Merge(AlpacaMarketDataSubscription more) => new(
        [.. Bars.Concat(more.Bars).Distinct(StringComparer.Ordinal)],
        [.. Quotes.Concat(more.Quotes).Distinct(StringComparer.Ordinal)],
        [.. Trades.Concat(more.Trades).Distinct(StringComparer.Ordinal)]);

    /// <summary>What is left after unsubscribing <paramref name="fewer"/>.</summary>
    public AlpacaMarketDataSubscription Without(AlpacaMarketDataSubscription fewer) => new(
        [.. Bars.Except(fewer.Bars, StringComparer.Ordinal)],
        [.. Quotes.Except(fewer.Quotes, StringComparer.Ordinal)],
        [.. Trades.Except(fewer.Trades, StringComparer.Ordinal)]);
}
