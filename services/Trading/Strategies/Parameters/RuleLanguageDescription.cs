namespace TradeNova.Trading.Strategies.Parameters;

/// <summary>What a rule document may use, for a rule builder: comparison operators, price fields, indicators and limits.</summary>
public sealed record RuleLanguageDescription(
    IReadOnlyList<string> Operators, IReadOnlyList<string> Prices, IReadOnlyList<RuleIndicatorDescription> Indicators, int MaxPeriod, int MaxBarsAgo);
