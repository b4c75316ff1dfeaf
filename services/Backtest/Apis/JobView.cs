using System.Text.Json;

namespace TradeNova.Backtest.Apis;

/// <summary>A job as the list and the status stream show it.</summary>
public sealed record JobView(
    Guid Id,
    string Kind,
    string? Name,
    string Status,
    double Progress,
    double? EtaSeconds,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? Error,
    string? Assumptions,
    string? DataSummary,
    bool UsesSyntheticData,
    string? EngineVersion,
    decimal? FinalEquity,
    double? TotalReturn,
    double? Sharpe,
    double? MaxDrawdown,
    int? TradeCount)
{
    public static JobView Of(BacktestJob job) => new(
        job.Id, job.Kind, job.Name, job.Status, job.Progress, job.EtaSeconds, job.CreatedAt, job.StartedAt, job.CompletedAt,
        job.Error, job.Assumptions, job.DataSummary, job.UsesSyntheticData, job.EngineVersion, job.FinalEquity, job.TotalReturn,
        job.Sharpe, job.MaxDrawdown, job.TradeCount);
}

/// <summary>One job in full: its status, the exact request that produced it and, once it succeeded, the result.</summary>
public sealed record JobDetailView(JobView Job, JsonElement Request, JsonElement? Result);
