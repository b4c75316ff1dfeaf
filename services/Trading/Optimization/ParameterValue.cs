namespace TradeNova.Trading.Optimization;

/// <summary>One named strategy parameter and the value an optimiser gives it.</summary>
public readonly record struct ParameterValue(string Name, decimal Value);
