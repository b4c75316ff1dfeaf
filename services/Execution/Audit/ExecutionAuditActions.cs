namespace TradeNova.Execution.Audit;

public static class ExecutionAuditActions
{
    public const string BrokerConnected = "broker.connected";
    public const string BrokerDisconnected = "broker.disconnected";
    public const string TradingModeChanged = "account.mode_changed";
}
