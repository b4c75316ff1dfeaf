namespace TradeNova.Execution.Apis;

/// <summary>
/// <c>GET /api/v1/strategies/catalog</c>: the lab's strategy catalogue (same strategies, parameter fields and rule
/// language as <c>GET /api/v1/backtests/catalog</c>), with what a live run adds: sizing modes and bar lengths.
/// </summary>
public sealed record StrategyCatalogView(
    IReadOnlyList<StrategyView> Strategies,
    RuleLanguageView RuleLanguage,
    IReadOnlyList<string> SizingModes,
    IReadOnlyList<int> BarSeconds,
    int MaxRunningPerUser);

public sealed record StrategyView(string Name, string DisplayName, string Description, IReadOnlyList<ParameterView> Parameters, string ExampleParametersJson);

/// <summary>A parameter field: <c>integer</c> or <c>number</c> with its bounds, <c>symbol</c> or <c>symbols</c>.</summary>
public sealed record ParameterView(string Name, string Type, string Label, object Default, decimal? Minimum = null, decimal? Maximum = null, bool ExclusiveMinimum = false, bool ExclusiveMaximum = false, int? MinItems = null);

public sealed record RuleLanguageView(IReadOnlyList<string> Operators, IReadOnlyList<string> Prices, IReadOnlyList<RuleIndicatorView> Indicators, int MaxPeriod, int MaxBarsAgo);

public sealed record RuleIndicatorView(string Name, IReadOnlyList<RuleSettingView> Settings, IReadOnlyList<string> Outputs, bool HasSource);

public sealed record RuleSettingView(string Name, decimal? Default, decimal Minimum, decimal Maximum);
