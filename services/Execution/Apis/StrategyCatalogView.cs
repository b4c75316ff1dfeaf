using TradeNova.Trading.Strategies.Parameters;

namespace TradeNova.Execution.Apis;

/// <summary>
/// <c>GET /api/v1/strategies/catalog</c>: the lab's strategy catalogue (same strategies, parameter fields and rule
/// language as <c>GET /api/v1/backtests/catalog</c>), with what a live run adds: sizing modes and bar lengths.
/// </summary>
public sealed record StrategyCatalogView(
    IReadOnlyList<StrategyView> Strategies,
    RuleLanguageDescription RuleLanguage,
    IReadOnlyList<string> SizingModes,
    IReadOnlyList<int> BarSeconds,
    int MaxRunningPerUser);

public sealed record StrategyView(string Name, string DisplayName, string Description, IReadOnlyList<StrategyParameterField> Parameters, string ExampleParametersJson);
