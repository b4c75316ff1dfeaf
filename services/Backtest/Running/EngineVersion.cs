using System.Reflection;
using TradeNova.Trading.Engine;

namespace TradeNova.Backtest.Running;

/// <summary>Identifies the engine build that produced a result, stored with it; a result re-run on the same version
/// must come out identical (the engine is deterministic).</summary>
public static class EngineVersion
{
    public static string Current { get; } =
        "TradeNova.Trading " + (typeof(BacktestEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(BacktestEngine).Assembly.GetName().Version?.ToString() ?? "unknown");
}
