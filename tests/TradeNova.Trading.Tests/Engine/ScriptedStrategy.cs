using TradeNova.Trading.Strategies;

namespace TradeNova.Trading.Tests.Engine;

/// <summary>A test-local strategy that runs a script per time step (0-based), so a scenario states exactly which orders
/// are submitted at which close.</summary>
internal sealed class ScriptedStrategy(IReadOnlyList<string> symbols, Action<IStrategyContext, int> script) : IStrategy
{
    private int _step;

    public IReadOnlyList<string> Symbols { get; } = symbols;

    public void OnBar(IStrategyContext context) => script(context, _step++);
}
