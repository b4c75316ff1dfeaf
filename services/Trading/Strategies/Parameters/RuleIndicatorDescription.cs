namespace TradeNova.Trading.Strategies.Parameters;

/// <summary>An indicator a rule may reference: its settings, its outputs (the first is the default) and whether it takes a <c>source</c>.</summary>
public sealed record RuleIndicatorDescription(string Name, IReadOnlyList<RuleSettingDescription> Settings, IReadOnlyList<string> Outputs, bool HasSource);
