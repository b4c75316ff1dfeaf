namespace TradeNova.Execution.Strategies;

/// <summary>
/// One user's running (or stopped) strategy: a catalogue strategy with its parameters, trading a capital allocation of
/// the paper or live account on bars of <see cref="BarSeconds"/>. Exactly one Execution instance drives a running run:
/// the one whose <see cref="OwnerId"/> holds an unexpired lease (<see cref="LeaseExpiresAt"/>).
/// </summary>
public sealed class StrategyRun
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public required string Name { get; init; }

    /// <summary>The catalogue name, lower case.</summary>
    public required string StrategyName { get; init; }

    /// <summary>The parameters as the user sent them (JSON), re-read by the catalogue whenever an instance takes the run.</summary>
    public required string Parameters { get; init; }

    /// <summary>The symbols the strategy trades (from its parameters).</summary>
    public List<string> Symbols { get; init; } = [];

    /// <summary>Sizing of entries (<see cref="StrategySizing"/>); "strategy" keeps the strategy's own.</summary>
    public required string SizingMode { get; init; }

    public decimal? SizingValue { get; init; }

    public decimal Allocation { get; init; }

    /// <summary><c>paper</c> or <c>live</c>.</summary>
    public required string Account { get; init; }

    public int BarSeconds { get; init; }

    public required string Status { get; set; }

    public string? StopReason { get; set; }

    public string? StopDetail { get; set; }

    public string? IdempotencyKey { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>Open time of the last bar the strategy has seen.</summary>
    public DateTimeOffset? LastBarAt { get; set; }

    public int BarsProcessed { get; set; }

    public int OrdersSent { get; set; }

    /// <summary>The Execution instance driving the run (null when stopped or not yet taken).</summary>
    public Guid? OwnerId { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }
}
