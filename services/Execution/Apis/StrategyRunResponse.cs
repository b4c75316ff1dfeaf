using System.Text.Json;

namespace TradeNova.Execution.Apis;

/// <summary>A strategy run as the contract's <c>StrategyRun</c> (plus its <see cref="Sizing"/>, and <see cref="BarSource"/>: where its bars
/// come from, <c>simulated</c> or <c>alpaca-iex</c>/<c>alpaca-sip</c>).</summary>
public sealed record StrategyRunResponse(
    Guid Id,
    string Name,
    StrategySpecView Strategy,
    IReadOnlyList<string> Symbols,
    decimal Allocation,
    string Account,
    int BarSeconds,
    string Status,
    string? StopReason,
    string? StopDetail,
    DateTimeOffset StartedAt,
    DateTimeOffset? StoppedAt,
    DateTimeOffset? LastBarAt,
    int BarsProcessed,
    int OrdersSent,
    StrategyPnlView Pnl,
    StrategySizingRequest Sizing,
    string BarSource);

public sealed record StrategySpecView(string Name, JsonElement Parameters);

public sealed record StrategyPnlView(decimal Realized, decimal Unrealized, decimal Fees, decimal Net, IReadOnlyList<StrategyPositionView> Positions);

public sealed record StrategyPositionView(string Symbol, decimal Quantity, decimal AveragePrice, decimal MarketPrice, decimal MarketValue, decimal UnrealizedPnl);

public sealed record StrategyRunList(IReadOnlyList<StrategyRunResponse> Items);

/// <summary><c>GET /api/v1/strategies/{id}</c>: the run, its last signals and its last orders, newest first.</summary>
public sealed record StrategyRunDetails(StrategyRunResponse Run, IReadOnlyList<StrategySignalView> Signals, IReadOnlyList<OrderResponse> Orders);

/// <summary>One order the strategy asked for; <see cref="Status"/> is its order's status once placed, else the signal's (skipped, refused, pending).</summary>
public sealed record StrategySignalView(
    DateTimeOffset Time, string Symbol, string Side, decimal Quantity, string OrderType, decimal? LimitPrice, decimal? StopPrice, Guid? OrderId, string Status);
