using TradeNova.Trading.Strategies;

namespace TradeNova.Benchmarks;

/// <summary>A strategy that only reads the bar: measures the engine's own cost per time step.</summary>
internal sealed class IdleStrategy(string symbol) : IStrategy
{
    public IReadOnlyList<string> Symbols { get; } = [symbol];

    public double Sum { get; private set; }

    public void OnBar(IStrategyContext context)
    {
        if (context.TryGetBar(symbol, out var bar))
        {
            Sum += (double)bar.Close;
        }
    }
}
