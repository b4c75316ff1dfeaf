namespace TradeNova.Trading.Data;

/// <summary>The bars of one symbol in strictly increasing time order.</summary>
/// <param name="IsSynthetic">True when generated rather than observed; must be shown to users as synthetic.</param>
/// <param name="Source">Where the bars came from (for example "vega-datasets sp500-2000.csv", "csv import", "synthetic seed=42").</param>
public sealed record BarSeries(string Symbol, Bar[] Bars, bool IsSynthetic = false, string Source = "");
