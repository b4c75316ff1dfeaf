namespace TradeNova.Trading.Strategies;

/// <summary>What a client needs to offer a strategy: its catalog name, a label, what it does, and a valid parameters
/// object to start from.</summary>
public sealed record StrategyDescriptor(string Name, string DisplayName, string Description, string ExampleParametersJson);
