namespace TradeNova.Trading.Strategies.Rules;

/// <summary>A setting an indicator reference may carry. <see cref="Default"/> null means required. Periods are whole
/// numbers in 1..500; <see cref="IsPeriod"/> false means a positive real (the Bollinger multiplier, at most 5).</summary>
internal sealed record RuleIndicatorParameter(string Name, bool IsPeriod, double? Default);
