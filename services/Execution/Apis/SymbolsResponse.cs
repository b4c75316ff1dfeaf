namespace TradeNova.Execution.Apis;

/// <summary>The tradable universe; reference prices are the simulation's starting points, approximate as of <see cref="ReferenceDate"/>.</summary>
public sealed record SymbolsResponse(string Source, string ReferenceDate, IReadOnlyList<SymbolResponse> Symbols);
