using TradeNova.Trading.Data;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// What a strategy saw at one step and the cancels it asked for (persisted as <see cref="StrategyStep.Record"/>):
/// enough to replay the step through a fresh strategy with identical inputs.
/// </summary>
public sealed record StepRecord(
    IReadOnlyList<SymbolBar> Bars,
    decimal Cash,
    decimal Equity,
    IReadOnlyDictionary<string, decimal> Positions,
    IReadOnlyList<string> Pending,
    IReadOnlyList<string> Cancels);

public sealed record SymbolBar(string Symbol, DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)
{
    public Bar ToBar() => new(Time, Open, High, Low, Close, Volume);

    public static SymbolBar From(string symbol, Bar bar) => new(symbol, bar.Time, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume);
}
