namespace TradeNova.Backtest.Apis;

/// <summary>What the lab offers: strategies with typed parameter fields and their ranges, the rule language for the
/// rule builder, and the choices of sizing, costs, risk and optimisation.</summary>
public sealed record CatalogView(
    IReadOnlyList<StrategyView> Strategies,
    RuleLanguageView RuleLanguage,
    IReadOnlyList<string> SizingModes,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<string> Metrics,
    RiskDefaultsView RiskDefaults,
    IReadOnlyList<string> RiskRules,
    LimitsView Limits,
    IReadOnlyList<string> BundledSymbols);

public sealed record StrategyView(string Name, string DisplayName, string Description, IReadOnlyList<ParameterView> Parameters, string ExampleParametersJson);

/// <summary>A parameter field: <c>integer</c> or <c>number</c> with its bounds, <c>symbol</c> or <c>symbols</c>.
/// <paramref name="ExclusiveMinimum"/> marks a lower bound that is not itself allowed.</summary>
public sealed record ParameterView(string Name, string Type, string Label, object Default, decimal? Minimum = null, decimal? Maximum = null, bool ExclusiveMinimum = false, bool ExclusiveMaximum = false, int? MinItems = null);

public sealed record RuleLanguageView(IReadOnlyList<string> Operators, IReadOnlyList<string> Prices, IReadOnlyList<RuleIndicatorView> Indicators, int MaxPeriod, int MaxBarsAgo);

public sealed record RuleIndicatorView(string Name, IReadOnlyList<RuleSettingView> Settings, IReadOnlyList<string> Outputs, bool HasSource);

public sealed record RuleSettingView(string Name, decimal? Default, decimal Minimum, decimal Maximum);

public sealed record RiskDefaultsView(decimal MaxPositionFraction, int MaxOpenPositions, decimal DailyLossFraction, decimal MaxDrawdownFraction, decimal StopLoss, decimal TakeProfit);

public sealed record LimitsView(int MaxOptimizationSets, int MaxComparisonStrategies, int MaxOptimizationParameters, int MaxConcurrentJobs, int DailyRuns);
