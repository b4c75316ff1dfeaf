namespace TradeNova.Execution.Strategies;

internal static partial class StrategyLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Strategy run {RunId} taken by instance {InstanceId} after replaying {Steps} steps")]
    public static partial void Taken(ILogger logger, Guid runId, Guid instanceId, int steps);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Strategy run {RunId} is no longer driven by this instance")]
    public static partial void Dropped(ILogger logger, Guid runId);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Strategy run {RunId}: signal {Sequence} not placed: {Detail}")]
    public static partial void SignalRefused(ILogger logger, Guid runId, int sequence, string detail);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Error, Message = "Strategy run {RunId}: a step failed; the run is reloaded from its persisted steps")]
    public static partial void StepFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Warning, Message = "Strategy run {RunId}: replaying step {Time} gave {Replayed} orders where {Recorded} were recorded")]
    public static partial void ReplayDiffers(ILogger logger, Guid runId, DateTimeOffset time, int replayed, int recorded);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Error, Message = "Strategy run {RunId} cannot be rebuilt and is stopped: {Detail}")]
    public static partial void Unloadable(ILogger logger, Guid runId, string detail);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Debug, Message = "Strategy run {RunId} decided bar {Time}: {Orders} orders, {Cancels} cancels (position {Positions}, pending {Pending})")]
    public static partial void Decided(ILogger logger, Guid runId, DateTimeOffset time, int orders, int cancels, string positions, string pending);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Warning, Message = "Strategy runner pass failed")]
    public static partial void PassFailed(ILogger logger, Exception exception);
}
