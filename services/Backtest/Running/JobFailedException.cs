namespace TradeNova.Backtest.Running;

/// <summary>A job that cannot produce a result for a reason the user should read (stored as the job's error).</summary>
public sealed class JobFailedException(string message) : Exception(message);
