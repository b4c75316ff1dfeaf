namespace TradeNova.Trading.Strategies.Parameters;

/// <summary>An indicator setting and its bounds; <see cref="Default"/> null means required.</summary>
public sealed record RuleSettingDescription(string Name, decimal? Default, decimal Minimum, decimal Maximum);
