namespace TradeNova.Backtest.Model;

/// <summary>A backtest, comparison or optimisation a user asked for: the exact request, where the work stands, and a
/// summary of the outcome (the full result is a <see cref="BacktestJobResult"/>).</summary>
public sealed class BacktestJob
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required string Kind { get; init; }

    public string? Name { get; init; }

    public required string Status { get; set; }

    /// <summary>The request as validated and stored (jsonb); running it again gives the same result.</summary>
    public required string Request { get; init; }

    public double Progress { get; set; }

    public double? EtaSeconds { get; set; }

    public bool CancelRequested { get; set; }

    /// <summary>Set by each claim; only the run holding the current token may record the outcome.</summary>
    public Guid? RunToken { get; set; }

    public int Attempts { get; set; }

    /// <summary>Last sign of life of the run that holds the job; a stale one lets a redelivery take it over.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Error { get; set; }

    public string? EngineVersion { get; set; }

    /// <summary>Which data the run used, one line per symbol (bundled, uploaded, synthetic).</summary>
    public string? DataSummary { get; set; }

    public bool UsesSyntheticData { get; set; }

    /// <summary>The one-line statement of assumptions shown with every result.</summary>
    public string? Assumptions { get; set; }

    public decimal? FinalEquity { get; set; }

    public double? TotalReturn { get; set; }

    public double? Sharpe { get; set; }

    public double? MaxDrawdown { get; set; }

    public int? TradeCount { get; set; }
}
