namespace TradeNova.Contracts.Backtest;

/// <summary>Work for the Backtest service's workers: run the stored job <paramref name="BacktestId"/>. Published
/// through the outbox with the job row, consumed from one durable queue that every Backtest instance shares, so the
/// instances compete for jobs. The job row, not the message, says what to run and whether it already ran.</summary>
public sealed record RunBacktestJob(Guid BacktestId, Guid UserId, string Kind);
