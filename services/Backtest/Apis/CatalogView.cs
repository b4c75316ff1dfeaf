using TradeNova.Trading.Strategies.Parameters;

namespace TradeNova.Backtest.Apis;

/// <summary>What the lab offers: strategies with typed parameter fields and their ranges, the rule language for the
/// rule builder, and the choices of sizing, costs, risk and optimisation.</summary>
public sealed record CatalogView(
    IReadOnlyList<StrategyView> Strategies,
    RuleLanguageDescription RuleLanguage,
    IReadOnlyList<string> SizingModes,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<string> Metrics,
    RiskDefaultsView RiskDefaults,
    IReadOnlyList<string> RiskRules,
    LimitsView Limits,
    IReadOnlyList<string> BundledSymbols);

public sealed record StrategyView(string Name, string DisplayName, string Description, IReadOnlyList<StrategyParameterField> Parameters, string ExampleParametersJson);

public sealed record RiskDefaultsView(decimal MaxPositionFraction, int MaxOpenPositions, decimal DailyLossFraction, decimal MaxDrawdownFraction, decimal StopLoss, decimal TakeProfit);

public sealed record LimitsView(int MaxOptimizationSets, int MaxComparisonStrategies, int MaxOptimizationParameters, int MaxConcurrentJobs, int DailyRuns);
