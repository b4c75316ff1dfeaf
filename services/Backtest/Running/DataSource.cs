namespace TradeNova.Backtest.Running;

/// <summary>Where one symbol's bars came from, as every result reports it.</summary>
/// <param name="Kind"><c>bundled</c>, <c>upload</c>, <c>alpaca</c> or <c>synthetic</c>.</param>
public sealed record DataSource(string Symbol, string Kind, string Description, bool Synthetic, DateTimeOffset? FirstBar, DateTimeOffset? LastBar, int Bars);
