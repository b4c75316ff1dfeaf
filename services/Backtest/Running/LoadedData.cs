using TradeNova.Trading.Engine;

namespace TradeNova.Backtest.Running;

/// <summary>The bars of a request's symbols within its date range, and where each came from.</summary>
public sealed record LoadedData(MarketDataSet Data, IReadOnlyList<DataSource> Sources)
{
    public bool AnySynthetic => Sources.Any(s => s.Synthetic);

    public string Summary => string.Join("; ", Sources.Select(s => $"{s.Symbol}: {s.Description}"));
}
