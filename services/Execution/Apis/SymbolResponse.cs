namespace TradeNova.Execution.Apis;

public sealed record SymbolResponse(string Symbol, string Name, decimal ReferencePrice);
