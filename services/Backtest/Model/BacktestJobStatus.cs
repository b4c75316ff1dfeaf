namespace TradeNova.Backtest.Model;

/// <summary>States of a job. queued → running → succeeded | failed | cancelled; queued → cancelled. A running job
/// whose worker died is claimed again (running → running with a new run token); a terminal state never changes.</summary>
public static class BacktestJobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsTerminal(string status) => status is Succeeded or Failed or Cancelled;
}
