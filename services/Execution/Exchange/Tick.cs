namespace TradeNova.Execution.Exchange;

/// <summary>What the paper exchange sees of one symbol at one look: the last price and the shares on offer.</summary>
public readonly record struct Tick(decimal Price, decimal Size, DateTimeOffset Time);
