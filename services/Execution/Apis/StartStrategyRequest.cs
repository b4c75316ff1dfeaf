using System.Text.Json;

namespace TradeNova.Execution.Apis;

/// <summary>
/// <c>POST /api/v1/strategies</c>. <see cref="Strategy"/> is a backtest's strategy spec (catalogue name + parameters);
/// <see cref="Sizing"/> is optional and takes a backtest request's sizing modes (default: the strategy's own).
/// </summary>
public sealed record StartStrategyRequest(
    string? Name,
    StrategySpecRequest? Strategy,
    decimal? Allocation,
    string? Account,
    int? BarSeconds,
    StrategySizingRequest? Sizing = null);

public sealed record StrategySpecRequest(string? Name, JsonElement Parameters);

public sealed record StrategySizingRequest(string? Mode, decimal? Value = null);

public sealed record StopStrategyRequest(string? Reason);
