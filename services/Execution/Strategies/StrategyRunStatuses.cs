namespace TradeNova.Execution.Strategies;

public static class StrategyRunStatuses
{
    public const string Running = "running";
    public const string Stopped = "stopped";
}
