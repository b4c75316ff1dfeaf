using System.Text.Json;
using TradeNova.Trading.Strategies;

namespace TradeNova.Backtest.Running;

/// <summary>A validated strategy of a request: its catalogue name and parameters, and the symbols it trades.
/// <see cref="Create"/> builds a fresh instance per run (strategies keep indicator state).</summary>
public sealed record PlannedStrategy(string Label, string Name, JsonElement Parameters, IReadOnlyList<string> Symbols)
{
    public IStrategy Create(OrderSizingChoice sizing, decimal quantityIncrement)
    {
        var strategy = StrategyCatalog.Create(Name, Parameters).Strategy
            ?? throw new InvalidOperationException($"Strategy {Name} no longer validates; the request was validated when stored.");
        return sizing.Mode == OrderSizingMode.Strategy ? strategy : new SizedStrategy(strategy, sizing, quantityIncrement);
    }
}
